-- The setup{} form: explicit cmd and a posting, then a YAML resume and its quick fix.
local H = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/helpers.lua")
H.check(H.server, "HIRELINT_TEST_SERVER is not set")

local hirelint = require("hirelint")
local ok = hirelint.setup({ cmd = { H.server, "server" }, posting = H.work .. "/posting.md" })
H.check(ok, "setup() failed: " .. tostring(hirelint.state.error))
H.check(hirelint.state.mode == "vim.lsp.enable", "on 0.11 setup() uses vim.lsp.enable, got " .. tostring(hirelint.state.mode))
H.log("setup{ cmd, posting } via " .. hirelint.state.mode)

local buf = H.open("resume.yaml")
local client = H.wait_client(buf)
H.check(client.config.cmd[1] == H.server, "cmd: " .. vim.inspect(client.config.cmd))
local posting = H.work .. "/posting.md"
H.check(client.config.settings.hirelint.posting == posting, "settings.hirelint.posting: " .. vim.inspect(client.config.settings))
H.check(client.config.init_options.posting == posting, "init_options.posting: " .. vim.inspect(client.config.init_options))
H.log("client settings carry the posting: " .. posting)

local want = H.expected("resume.yaml")
local diags = H.wait_diagnostics(buf, function(d)
  return H.find(d, want.rule, want.lnum) ~= nil
end)
H.log(("resume.yaml: %d diagnostics"):format(#diags))
for _, line in ipairs(H.describe(diags)) do
  H.log("  " .. line)
end
H.apply_fix(buf, H.find(diags, want.rule, want.lnum), want.title)
local line = vim.api.nvim_buf_get_lines(buf, want.lnum, want.lnum + 1, false)[1]
H.check(line == want.fixed_line, ("line %d after the fix: %q, want %q"):format(want.lnum + 1, line, want.fixed_line))
H.log(("applied %q; line %d is now %q"):format(want.title, want.lnum + 1, line))

-- The hirelint/score handler (the server sends it once the posting work lands): through the
-- client's handler table, as a notification from the server would arrive.
local fired = false
vim.api.nvim_create_autocmd("User", { pattern = "HirelintScore", callback = function() fired = true end })
client.handlers["hirelint/score"](nil, { uri = vim.uri_from_bufnr(buf), score = 71.6, must_have_score = 80, missing = { "Kubernetes" } }, { client_id = client.id, method = "hirelint/score" })
H.check(fired, "User HirelintScore fired")
H.check(vim.b[buf].hirelint_score.score == 71.6, "b:hirelint_score: " .. vim.inspect(vim.b[buf].hirelint_score))
H.check(hirelint.statusline(buf) == "72%% match", "statusline(): " .. hirelint.statusline(buf))
H.log("hirelint/score handler: b:hirelint_score set, statusline() = " .. hirelint.statusline(buf))

H.check_quiet("README.md")

-- A JSON file that is no resume stays quiet too.
H.check_quiet("package.json")
H.done("setup{}")
