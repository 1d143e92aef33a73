-- hirelint for Neovim: a thin client over `hirelint server`.
--
-- On Neovim 0.11+, lsp/hirelint.lua alone makes vim.lsp.enable("hirelint") work; setup() is
-- optional and only merges options into that config. On 0.9 and 0.10, setup() starts the
-- server itself with vim.lsp.start from a FileType autocmd.

local M = {}

M.name = "hirelint"

--- The options setup() accepts, with their types.
local option_types = {
  cmd = "table",
  posting = "string",
  settings = "table",
  filetypes = "table",
  root_markers = "table",
}

--- Checks setup()'s options. Returns nil when they are valid, else a message naming the problem.
---@param opts table|nil
---@return string|nil
function M.validate(opts)
  if opts == nil then
    return nil
  end
  if type(opts) ~= "table" then
    return ("hirelint.setup() takes a table, got a %s"):format(type(opts))
  end
  for key, value in pairs(opts) do
    local want = option_types[key]
    if want == nil then
      local known = vim.tbl_keys(option_types)
      table.sort(known)
      return ('unknown option "%s" (known: %s)'):format(tostring(key), table.concat(known, ", "))
    end
    if type(value) ~= want then
      return ('option "%s" must be a %s, got a %s'):format(key, want, type(value))
    end
  end
  if opts.cmd ~= nil then
    if #opts.cmd == 0 or type(opts.cmd[1]) ~= "string" then
      return 'option "cmd" must be a list of strings, such as { "hirelint", "server" }'
    end
  end
  return nil
end

--- The built-in config: the table lsp/hirelint.lua returns.
---@return table
function M.default_config()
  local file = vim.api.nvim_get_runtime_file("lsp/hirelint.lua", false)[1]
  if file == nil then
    error("hirelint: lsp/hirelint.lua is not on the runtimepath")
  end
  return dofile(file)
end

--- The client config setup(opts) adds on top of the built-in one.
---@param opts table
---@return table
function M.overrides(opts)
  local settings = vim.deepcopy(opts.settings or {})
  if opts.posting ~= nil then
    settings.posting = vim.fs.normalize(vim.fn.fnamemodify(vim.fn.expand(opts.posting), ":p"))
  end
  local config = {
    -- The server reads the same table from initializationOptions and from
    -- workspace/configuration (section "hirelint").
    settings = { hirelint = settings },
    init_options = settings,
  }
  for _, key in ipairs({ "cmd", "filetypes", "root_markers" }) do
    if opts[key] ~= nil then
      config[key] = opts[key]
    end
  end
  return config
end

--- Handler of the server's `hirelint/score` notification, params `{ uri, version, score,
--- mustHave = { matched, total }, missing }` (as documented in the README's server section;
--- `score` in percent). Stores `{ score, must_have = { matched, total }, missing, version }`
--- in `b:hirelint_score` of the resume's buffer and fires `User HirelintScore`. Params of
--- any other shape are ignored.
---@param params table
function M.on_score(params)
  if
    type(params) ~= "table"
    or type(params.uri) ~= "string"
    or type(params.score) ~= "number"
    or type(params.mustHave) ~= "table"
    or type(params.mustHave.matched) ~= "number"
    or type(params.mustHave.total) ~= "number"
    or type(params.missing) ~= "table"
  then
    return
  end
  local bufnr = vim.uri_to_bufnr(params.uri)
  if not vim.api.nvim_buf_is_loaded(bufnr) then
    return
  end
  vim.b[bufnr].hirelint_score = {
    score = params.score,
    must_have = { matched = params.mustHave.matched, total = params.mustHave.total },
    missing = params.missing,
    version = params.version,
  }
  vim.api.nvim_exec_autocmds("User", { pattern = "HirelintScore", modeline = false, data = { buf = bufnr } })
  vim.cmd.redrawstatus({ bang = true })
end

--- For 'statusline': "72% match" for a resume the server scored, else "".
---@param bufnr integer|nil default: the current buffer
---@return string
function M.statusline(bufnr)
  local score = vim.b[bufnr or 0].hirelint_score
  if type(score) ~= "table" or type(score.score) ~= "number" then
    return ""
  end
  return ("%d%%%% match"):format(math.floor(math.max(0, math.min(100, score.score)) + 0.5))
end

--- The last options setup() was called with and the config it made (read by :checkhealth).
M.state = { opts = nil, config = nil, error = nil, mode = nil }

local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fs.dirname(name) or vim.fn.getcwd()
  local found = vim.fs.find(markers, { upward = true, path = start })[1]
  return found and vim.fs.dirname(found) or start
end

--- The 0.9 and 0.10 path: a FileType autocmd that calls vim.lsp.start. Also used by the tests on
--- 0.11 to check this path.
---@param config table the merged config
function M.start_with_autocmd(config)
  local group = vim.api.nvim_create_augroup("hirelint", { clear = true })
  local function start(bufnr)
    if vim.bo[bufnr].buftype ~= "" then
      return
    end
    vim.lsp.start({
      name = M.name,
      cmd = config.cmd,
      root_dir = root_dir(bufnr, config.root_markers),
      settings = config.settings,
      init_options = config.init_options,
    }, { bufnr = bufnr })
  end
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      start(args.buf)
    end,
  })
  -- Buffers already open when setup() runs.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(config.filetypes, vim.bo[bufnr].filetype) then
      start(bufnr)
    end
  end
end

--- Configures and enables hirelint. Every option is optional:
---   cmd          list of strings, default { "hirelint", "server" }
---   posting      path of the job posting to match resumes against
---   settings     more keys for the server's "hirelint" settings section
---   filetypes    default { "markdown", "yaml", "json" }
---   root_markers default { ".hirelint.toml", ".git" }
---@param opts table|nil
---@return boolean ok
function M.setup(opts)
  opts = opts or {}
  local problem = M.validate(opts)
  M.state = { opts = opts, config = nil, error = problem, mode = nil }
  if problem ~= nil then
    vim.notify("hirelint: " .. problem, vim.log.levels.ERROR)
    return false
  end
  local overrides = M.overrides(opts)
  if vim.fn.has("nvim-0.11") == 1 then
    vim.lsp.config(M.name, overrides)
    vim.lsp.enable(M.name)
    M.state.config = vim.lsp.config[M.name]
    M.state.mode = "vim.lsp.enable"
  elseif vim.fn.has("nvim-0.9") == 1 then
    local config = vim.tbl_deep_extend("force", M.default_config(), overrides)
    M.start_with_autocmd(config)
    M.state.config = config
    M.state.mode = "vim.lsp.start"
  else
    M.state.error = "Neovim 0.9 or newer is needed"
    vim.notify("hirelint: " .. M.state.error, vim.log.levels.ERROR)
    return false
  end
  return true
end

return M
