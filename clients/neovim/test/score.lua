-- The posting match from the real server: setup{ posting } names a posting fixture; the
-- resume's b:hirelint_score and the code lens (vim.lsp.codelens) must give what `hirelint
-- match --format json` gives for the same files; then the posting changes in the client's
-- settings (workspace/didChangeConfiguration) and both follow the CLI's figures for it.
local H = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/helpers.lua")
H.check(H.server, "HIRELINT_TEST_SERVER is not set")

local hirelint = require("hirelint")
local ok = hirelint.setup({ cmd = { H.server, "server" }, posting = H.work .. "/posting.md" })
H.check(ok, "setup() failed: " .. tostring(hirelint.state.error))

local first = H.expected_score("resume.md", "posting.md")
local second = H.expected_score("resume.md", "posting-2.md")
H.log("hirelint match resume.md --posting posting.md: " .. vim.inspect(first, { newline = " ", indent = "" }))
H.log("hirelint match resume.md --posting posting-2.md: " .. vim.inspect(second, { newline = " ", indent = "" }))
H.check(first.score ~= second.score, "the two posting fixtures must score differently")

local scores = 0
vim.api.nvim_create_autocmd("User", { pattern = "HirelintScore", callback = function() scores = scores + 1 end })

local opened = vim.uv.hrtime()
local buf = H.open("resume.md")
local client = H.wait_client(buf)

--- Waits for b:hirelint_score to hold the expected figures, then for the code lens to read
--- the expected text; returns the times taken (ms).
local function see(want, since)
  local ok_score = vim.wait(10000, function()
    local s = vim.b[buf].hirelint_score
    return type(s) == "table" and s.score == want.score
  end, 10)
  local got = vim.b[buf].hirelint_score
  H.check(ok_score, ("b:hirelint_score never had score %d: %s"):format(want.score, vim.inspect(got)))
  local score_ms = (vim.uv.hrtime() - since) / 1e6
  H.check(vim.deep_equal(got.must_have, want.must_have), "b:hirelint_score.must_have: " .. vim.inspect(got.must_have) .. ", CLI: " .. vim.inspect(want.must_have))
  H.check(vim.deep_equal(got.missing, want.missing), "b:hirelint_score.missing: " .. vim.inspect(got.missing) .. ", CLI: " .. vim.inspect(want.missing))
  local status = hirelint.statusline(buf)
  H.check(status == ("%d%%%% match"):format(want.score), "statusline(): " .. status)
  H.log(("b:hirelint_score = %s after %.0f ms; statusline() = %q"):format(vim.inspect(got, { newline = " ", indent = "" }), score_ms, status))

  local titles
  local ok_lens = vim.wait(10000, function()
    vim.lsp.codelens.refresh({ bufnr = buf })
    vim.wait(100)
    titles = vim.tbl_map(function(lens)
      return lens.command and lens.command.title or ""
    end, vim.lsp.codelens.get(buf))
    return vim.tbl_contains(titles, want.lens)
  end, 10)
  H.check(ok_lens, ("no code lens %q; lenses: %s"):format(want.lens, vim.inspect(titles)))
  local lens = vim.tbl_filter(function(l)
    return l.command and l.command.title == want.lens
  end, vim.lsp.codelens.get(buf))[1]
  H.check(lens.range.start.line == 0, "the lens is at the top: " .. vim.inspect(lens.range))
  H.log(("code lens at line 1: %q (%.0f ms)"):format(lens.command.title, (vim.uv.hrtime() - since) / 1e6))
end

see(first, opened)

-- Another posting through the settings: the server re-reads section hirelint.
local changed = vim.uv.hrtime()
client.settings.hirelint.posting = H.work .. "/posting-2.md"
client:notify("workspace/didChangeConfiguration", { settings = client.settings })
H.log("settings.hirelint.posting = posting-2.md (workspace/didChangeConfiguration)")
see(second, changed)
H.check(scores >= 2, "User HirelintScore fired for each score")
H.done("score")
