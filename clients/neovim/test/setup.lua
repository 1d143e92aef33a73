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

local want, diags, target = H.wait_expected(buf, "resume.yaml")
H.log(("resume.yaml: %d diagnostics"):format(#diags))
for _, line in ipairs(H.describe(diags)) do
  H.log("  " .. line)
end
H.apply_fix(buf, target, want.title)
local line = vim.api.nvim_buf_get_lines(buf, want.lnum, want.lnum + 1, false)[1]
H.check(line == want.fixed_line, ("line %d after the fix: %q, want %q"):format(want.lnum + 1, line, want.fixed_line))
H.log(("applied %q; line %d is now %q"):format(want.title, want.lnum + 1, line))

-- The hirelint/score handler, on the documented params (test/score.lua sees the real
-- server's): through the client's handler table, as a notification from the server arrives.
local fired = 0
vim.api.nvim_create_autocmd("User", { pattern = "HirelintScore", callback = function() fired = fired + 1 end })
local function notify(params)
  client.handlers["hirelint/score"](nil, params, { client_id = client.id, method = "hirelint/score" })
end
local uri = vim.uri_from_bufnr(buf)
notify({ uri = uri, version = 7, score = 71.6, mustHave = { matched = 3, total = 4 }, missing = { "Kafka" } })
H.check(fired == 1, "User HirelintScore fired")
local stored = vim.b[buf].hirelint_score
H.check(
  vim.deep_equal(stored, { score = 71.6, must_have = { matched = 3, total = 4 }, missing = { "Kafka" }, version = 7 }),
  "b:hirelint_score: " .. vim.inspect(stored)
)
H.check(hirelint.statusline(buf) == "72%% match", "statusline(): " .. hirelint.statusline(buf))
-- Other shapes are ignored: the old draft's must_have_score, no mustHave, a bad mustHave.
notify({ uri = uri, version = 8, score = 10, must_have_score = 80, missing = {} })
notify({ uri = uri, version = 8, score = 10, mustHave = { matched = "3", total = 4 }, missing = {} })
notify({ uri = uri, version = 8, score = 10, mustHave = { matched = 3, total = 4 } })
H.check(fired == 1 and vim.b[buf].hirelint_score.score == 71.6, "a malformed hirelint/score was stored: " .. vim.inspect(vim.b[buf].hirelint_score))
H.log("hirelint/score handler: b:hirelint_score = " .. vim.inspect(stored, { newline = " ", indent = "" }) .. ", statusline() = " .. hirelint.statusline(buf))

H.check_quiet("README.md")

-- A JSON file that is no resume stays quiet too.
H.check_quiet("package.json")
H.done("setup{}")
