-- The Neovim 0.11 form: only vim.lsp.enable("hirelint"), the plugin on the runtimepath and
-- `hirelint` on PATH (run.sh puts it there). lsp/hirelint.lua supplies everything else.
local H = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/helpers.lua")

vim.lsp.enable("hirelint")
H.log("vim.lsp.enable('hirelint'); cmd = " .. table.concat(vim.lsp.config.hirelint.cmd, " "))

local buf = H.open("resume.md")
local client = H.wait_client(buf)
H.check(client.root_dir == H.work, "root_dir should be the folder with .hirelint.toml, got " .. tostring(client.root_dir))
H.log(("client %s attached, root %s, offset encoding %s"):format(client.name, client.root_dir, client.offset_encoding))
local want, diags, target = H.wait_expected(buf, "resume.md")
H.log(("resume.md: %d diagnostics (the CLI: %d)"):format(#diags, want.count))
for _, line in ipairs(H.describe(diags)) do
  H.log("  " .. line)
end
H.check(#diags == want.count, "the editor and the CLI disagree on the number of diagnostics")
H.check(target.col == want.col, ("%s should start at %d:%d, got %s"):format(want.rule, want.lnum + 1, want.col + 1, vim.inspect(target)))
H.check(target.message == want.message, "message: " .. target.message)
H.check(target.source == "hirelint", "source: " .. tostring(target.source))

H.apply_fix(buf, target, want.title)
local line = vim.api.nvim_buf_get_lines(buf, want.lnum, want.lnum + 1, false)[1]
H.check(line == want.fixed_line, ("line %d after the fix: %q, want %q"):format(want.lnum + 1, line, want.fixed_line))
H.log(("applied %q; line %d is now %q"):format(want.title, want.lnum + 1, line))
-- The server re-lints the edited text: that diagnostic is gone.
H.wait_diagnostics(buf, function(d)
  return #d > 0 and not vim.iter(d):any(function(x)
    return x.code == want.rule and x.lnum == want.lnum and x.message == want.message
  end)
end)
H.log("after the fix that diagnostic is gone")

H.check_quiet("README.md")

local yaml = H.open("resume.yaml")
H.wait_client(yaml)
local ywant, ydiags, ytarget = H.wait_expected(yaml, "resume.yaml")
H.log(("resume.yaml (filetype %s): %d diagnostics, %s at %d:%d"):format(vim.bo[yaml].filetype, #ydiags, ywant.rule, ywant.lnum + 1, ytarget.col + 1))

local json = H.open("resume.json")
H.wait_client(json)
local jwant, jdiags, jtarget = H.wait_expected(json, "resume.json")
H.check(jtarget.col == jwant.col, "JSON column: " .. vim.inspect(jtarget))
H.log(("resume.json (filetype %s): %d diagnostics, %s at %d:%d"):format(vim.bo[json].filetype, #jdiags, jwant.rule, jwant.lnum + 1, jtarget.col + 1))

H.check(#vim.lsp.get_clients({ name = "hirelint" }) == 1, "one client serves every file of the root")
H.done("vim.lsp.enable")
