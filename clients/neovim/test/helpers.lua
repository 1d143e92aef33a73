-- Shared by the headless test scripts (dofile'd). They run as
--   nvim --headless --clean -l test/<name>.lua
-- with HIRELINT_TEST_PLUGIN (the plugin folder) and HIRELINT_TEST_WORK (a scratch workspace
-- holding the fixtures) set by test/run.sh.
local H = {}

H.plugin = assert(os.getenv("HIRELINT_TEST_PLUGIN"), "HIRELINT_TEST_PLUGIN is not set")
H.work = assert(os.getenv("HIRELINT_TEST_WORK"), "HIRELINT_TEST_WORK is not set")
H.server = os.getenv("HIRELINT_TEST_SERVER")
vim.opt.runtimepath:prepend(H.plugin)

local t0 = vim.uv.hrtime()
function H.log(msg)
  -- print() goes to stderr under -l; the test output is stdout.
  io.stdout:write(("[%5.0f ms] %s\n"):format((vim.uv.hrtime() - t0) / 1e6, msg))
end

function H.stop_all()
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop()
  end
  vim.wait(3000, function()
    return #vim.lsp.get_clients() == 0
  end, 20)
end

function H.fail(msg)
  io.stderr:write("FAIL: " .. msg .. "\n")
  H.stop_all()
  os.exit(1)
end

function H.check(cond, msg)
  if not cond then
    H.fail(msg)
  end
end

function H.done(name)
  H.stop_all()
  H.check(#vim.lsp.get_clients() == 0, "a hirelint client did not stop")
  H.log(name .. ": passed")
  os.exit(0)
end

-- Count every publishDiagnostics per URI, so a test can tell "nothing published yet" from
-- "published an empty list".
H.published = {}
local publish = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result and result.uri then
    H.published[result.uri] = (H.published[result.uri] or 0) + 1
  end
  return publish(err, result, ctx, config)
end

function H.open(file)
  vim.cmd.edit(vim.fn.fnameescape(H.work .. "/" .. file))
  return vim.api.nvim_get_current_buf()
end

function H.client(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = "hirelint" })[1]
end

function H.wait_client(buf)
  local ok = vim.wait(10000, function()
    return H.client(buf) ~= nil and H.client(buf).initialized
  end, 10)
  H.check(ok, ("no hirelint client attached to %s (filetype %s)"):format(vim.api.nvim_buf_get_name(buf), vim.bo[buf].filetype))
  return H.client(buf)
end

function H.wait_diagnostics(buf, pred)
  pred = pred or function(d)
    return #d > 0
  end
  local ok = vim.wait(10000, function()
    return pred(vim.diagnostic.get(buf))
  end, 10)
  H.check(ok, ("no hirelint diagnostics for %s; got %s"):format(vim.api.nvim_buf_get_name(buf), vim.inspect(vim.diagnostic.get(buf))))
  return vim.diagnostic.get(buf)
end

function H.describe(diags)
  local out = {}
  for _, d in ipairs(diags) do
    out[#out + 1] = ("%d:%d %s [%s] (%s)"):format(d.lnum + 1, d.col + 1, d.message, tostring(d.code), tostring(d.source))
  end
  return out
end

function H.find(diags, code, lnum)
  for _, d in ipairs(diags) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then
      return d
    end
  end
  return nil
end

--- Waits until BUF has the diagnostic the CLI reports first for FILE (H.expected); returns
--- what the CLI reports, BUF's diagnostics, and that diagnostic among them.
function H.wait_expected(buf, file)
  local want = H.expected(file)
  local diags = H.wait_diagnostics(buf, function(d)
    return H.find(d, want.rule, want.lnum) ~= nil
  end)
  return want, diags, H.find(diags, want.rule, want.lnum)
end

--- Asks for the quick fixes of a diagnostic, checks that one has this title, applies it with
--- vim.lsp.buf.code_action (the path a user's mapping takes) and waits for the edit.
function H.apply_fix(buf, diag, title)
  local client = H.client(buf)
  vim.api.nvim_win_set_cursor(0, { diag.lnum + 1, diag.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = { diag.user_data.lsp }, triggerKind = 1 }
  local response = client:request_sync("textDocument/codeAction", params, 5000, buf)
  H.check(response and response.result, "codeAction request failed: " .. vim.inspect(response))
  local titles = vim.tbl_map(function(a)
    return a.title
  end, response.result)
  H.log("code actions: " .. table.concat(titles, " | "))
  local chosen = vim.tbl_contains(titles, title) and title or nil
  H.check(chosen, ("no code action %q among %s"):format(title, vim.inspect(titles)))
  local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  vim.lsp.buf.code_action({
    context = { diagnostics = { diag.user_data.lsp } },
    filter = function(action)
      return action.title == chosen
    end,
    apply = true,
  })
  local ok = vim.wait(5000, function()
    return not vim.deep_equal(before, vim.api.nvim_buf_get_lines(buf, 0, -1, false))
  end, 10)
  H.check(ok, ("applying %q changed nothing"):format(chosen))
  return chosen
end

--- What `hirelint lint --format json` (the CLI, run by run.sh into expected-<file>.json) says
--- about a fixture: the editor must show the same. Returns the first diagnostic on an ASCII
--- line that has a fix with a single edit on that line, with the line as the fix leaves it:
--- { rule, lnum, col (0-based), message, title, fixed_line }.
function H.expected(file)
  local json = table.concat(vim.fn.readfile(H.work .. "/expected-" .. file .. ".json"), "\n")
  local lines = vim.fn.readfile(H.work .. "/" .. file)
  for _, d in ipairs(vim.json.decode(json)) do
    local text = lines[d.line]
    if text and not text:find("[\128-\255]") then
      for _, fix in ipairs(d.fixes or {}) do
        local e = fix.edits[1]
        if #fix.edits == 1 and e.line == d.line and e.end_line == d.line then
          return {
            rule = d.rule,
            lnum = d.line - 1,
            col = d.column - 1,
            message = d.message,
            title = fix.title,
            fixed_line = text:sub(1, e.column - 1) .. e.replacement .. text:sub(e.end_column),
            count = #vim.json.decode(json),
          }
        end
      end
    end
  end
  H.fail("the CLI reports no fixable diagnostic on an ASCII line of " .. file)
end

--- What `hirelint match RESUME --posting POSTING --format json` (the CLI) says, counted as
--- the server documents `hirelint/score`: a group of alternatives is one requirement,
--- matched when one of them is, missing (named "A or B") when the resume mentions none.
--- Returns { score, must_have = { matched, total }, missing, lens } (lens: the code lens's text).
function H.expected_score(resume, posting)
  local out = vim.system({ H.server, "match", resume, "--posting", posting, "--format", "json" }, { cwd = H.work, text = true }):wait()
  H.check(out.code == 0, "hirelint match failed: " .. tostring(out.stderr))
  local report = vim.json.decode(out.stdout)
  local groups, order = {}, {}
  for _, k in ipairs(report.keywords) do
    local names = { k.keyword }
    vim.list_extend(names, k.alternatives)
    table.sort(names)
    local key = table.concat(names, "\n")
    if not groups[key] then
      groups[key] = { must = k.importance == "must", members = {} }
      order[#order + 1] = groups[key]
    end
    table.insert(groups[key].members, k)
  end
  local matched, total, missing = 0, 0, {}
  for _, g in ipairs(order) do
    local any_matched, all_missing, names = false, true, {}
    for _, k in ipairs(g.members) do
      any_matched = any_matched or k.status == "matched"
      all_missing = all_missing and k.status == "missing"
      names[#names + 1] = k.keyword
    end
    if g.must then
      total = total + 1
      matched = matched + (any_matched and 1 or 0)
    end
    if all_missing then
      missing[#missing + 1] = table.concat(names, " or ")
    end
  end
  return {
    score = report.score,
    must_have = { matched = matched, total = total },
    missing = missing,
    lens = ("Posting match %d%% · must-have %d/%d · %d missing"):format(report.score, matched, total, #missing),
  }
end

--- Opens a file the server must leave alone and checks that it gets no diagnostics: waits for
--- the client to attach and for a publish for that file (or 1.5 s when the server publishes
--- nothing for it).
function H.check_quiet(file)
  local buf = H.open(file)
  H.wait_client(buf)
  local uri = vim.uri_from_bufnr(buf)
  vim.wait(1500, function()
    return H.published[uri] ~= nil
  end, 10)
  local diags = vim.diagnostic.get(buf)
  H.check(#diags == 0, file .. " is not a resume but got diagnostics: " .. vim.inspect(H.describe(diags)))
  H.log(("%s: no diagnostics (%s)"):format(file, H.published[uri] and "an empty list was published" or "nothing was published"))
end

return H
