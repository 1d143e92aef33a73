-- :checkhealth hirelint

local M = {}

local health = vim.health

--- The config in effect: setup()'s, else vim.lsp.config's (0.11+), else the built-in one.
local function effective_config(hirelint)
  if hirelint.state.config ~= nil then
    return hirelint.state.config, "setup()"
  end
  if vim.fn.has("nvim-0.11") == 1 then
    local ok, config = pcall(function()
      return vim.lsp.config[hirelint.name]
    end)
    if ok and config ~= nil then
      return config, "vim.lsp.config"
    end
  end
  local ok, config = pcall(hirelint.default_config)
  if ok then
    return config, "lsp/hirelint.lua"
  end
  return nil, tostring(config)
end

local function run_version(exe)
  if vim.system ~= nil then
    local result = vim.system({ exe, "--version" }, { text = true }):wait(10000)
    return result.code, vim.trim((result.stdout or "") .. (result.stderr or ""))
  end
  local out = vim.fn.system({ exe, "--version" })
  return vim.v.shell_error, vim.trim(out)
end

function M.check()
  local hirelint = require("hirelint")

  health.start("hirelint: Neovim")
  local version = tostring(vim.version())
  if vim.fn.has("nvim-0.11") == 1 then
    health.ok(("Neovim %s: vim.lsp.enable(\"hirelint\") and setup() both work"):format(version))
  elseif vim.fn.has("nvim-0.9") == 1 then
    health.ok(("Neovim %s: setup() starts the server with vim.lsp.start"):format(version))
    health.info("vim.lsp.enable(\"hirelint\") needs Neovim 0.11")
  else
    health.error(("Neovim %s is too old"):format(version), { "Install Neovim 0.9 or newer (0.11 recommended)" })
  end

  health.start("hirelint: configuration")
  if hirelint.state.error ~= nil then
    health.error("setup() was given invalid options: " .. hirelint.state.error, { "See :help hirelint-setup" })
  elseif hirelint.state.opts ~= nil then
    health.ok(("setup() options are valid (started with %s)"):format(hirelint.state.mode))
  else
    health.info("setup() was not called: using lsp/hirelint.lua (vim.lsp.enable(\"hirelint\") form)")
  end
  local config, source = effective_config(hirelint)
  if config == nil then
    health.error("no hirelint config: " .. source, { "Put the plugin folder on the runtimepath" })
    return
  end
  if type(config.cmd) ~= "table" or type(config.cmd[1]) ~= "string" then
    health.error(("cmd from %s is not a list of strings"):format(source), { 'Use cmd = { "hirelint", "server" }' })
    return
  end
  health.ok(("cmd from %s: %s"):format(source, table.concat(config.cmd, " ")))
  local settings = config.settings and config.settings.hirelint or {}
  if settings.posting ~= nil then
    if vim.fn.filereadable(settings.posting) == 1 then
      health.ok("posting: " .. settings.posting)
    else
      health.error("posting file not readable: " .. settings.posting, { "Fix the posting option of setup()" })
    end
  end

  health.start("hirelint: server binary")
  local exe = vim.fn.exepath(config.cmd[1])
  if exe == "" then
    health.error(('"%s" was not found or is not executable'):format(config.cmd[1]), {
      "Install hirelint (cargo install hirelint) so that it is on PATH",
      'or give its path: vim.lsp.config("hirelint", { cmd = { "/path/to/hirelint", "server" } })',
      'or require("hirelint").setup({ cmd = { "/path/to/hirelint", "server" } })',
    })
    return
  end
  local code, out = run_version(exe)
  if code ~= 0 or not out:match("^hirelint ") then
    health.error(('"%s --version" failed (exit %d): %s'):format(exe, code, out), { "Reinstall hirelint" })
    return
  end
  health.ok(("%s (%s)"):format(out, exe))

  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ name = hirelint.name })
  if #clients > 0 then
    health.info(("%d hirelint client(s) running"):format(#clients))
  end
end

return M
