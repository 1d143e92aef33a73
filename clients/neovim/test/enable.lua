-- The Neovim 0.11 form: only vim.lsp.enable("hirelint"), the plugin on the runtimepath and
-- `hirelint` on PATH (run.sh puts it there). lsp/hirelint.lua supplies everything else.
local H = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/helpers.lua")

vim.lsp.enable("hirelint")
H.log("vim.lsp.enable('hirelint'); cmd = " .. table.concat(vim.lsp.config.hirelint.cmd, " "))

local buf = H.open("resume.md")
local client = H.wait_client(buf)
H.check(client.root_dir == H.work, "root_dir should be the folder with .hirelint.toml, got " .. tostring(client.root_dir))
H.log(("client %s attached, root %s, offset encoding %s"):format(client.name, client.root_dir, client.offset_encoding))
local diags = H.wait_diagnostics(buf, function(d)
  return H.find(d, "weak-opener", 8) ~= nil
end)
H.log(("resume.md: %d diagnostics"):format(#diags))
for _, line in ipairs(H.describe(diags)) do
  H.log("  " .. line)
end
local weak = H.find(diags, "weak-opener", 8)
H.check(weak.col == 2 and weak.end_col == 17, "weak-opener should span 9:3-9:18, got " .. vim.inspect(weak))
H.check(weak.message == 'Weak opener "Responsible for"', "message: " .. weak.message)
H.check(weak.source == "hirelint", "source: " .. tostring(weak.source))
H.check(weak.severity == vim.diagnostic.severity.WARN, "severity: " .. tostring(weak.severity))

local title = H.apply_fix(buf, weak, '^Replace "Responsible for" with "')
local replacement = title:match('with "(.-)"$')
local line = vim.api.nvim_buf_get_lines(buf, 8, 9, false)[1]
H.check(line == "- " .. replacement .. " the shipment-tracking API", "line 9 after the fix: " .. line)
H.log(("applied %q; line 9 is now %q"):format(title, line))
-- The server re-lints the edited text: the weak opener is gone.
H.wait_diagnostics(buf, function(d)
  return H.find(d, "weak-opener", 8) == nil and #d > 0
end)
H.log("after the fix the weak opener on line 9 is gone")

H.check_quiet("README.md")

local yaml = H.open("resume.yaml")
H.wait_client(yaml)
local ydiags = H.wait_diagnostics(yaml, function(d)
  return H.find(d, "weak-opener", 9) ~= nil
end)
H.log(("resume.yaml (filetype %s): %d diagnostics, weak-opener at 10:%d"):format(vim.bo[yaml].filetype, #ydiags, H.find(ydiags, "weak-opener", 9).col + 1))

local json = H.open("resume.json")
H.wait_client(json)
local jdiags = H.wait_diagnostics(json, function(d)
  return H.find(d, "weak-opener", 12) ~= nil
end)
local jweak = H.find(jdiags, "weak-opener", 12)
H.check(jweak.col == 9, "JSON weak-opener column: " .. vim.inspect(jweak))
H.log(("resume.json (filetype %s): %d diagnostics, weak-opener at 13:%d"):format(vim.bo[json].filetype, #jdiags, jweak.col + 1))

H.check(#vim.lsp.get_clients({ name = "hirelint" }) == 1, "one client serves every file of the root")
H.done("vim.lsp.enable")
