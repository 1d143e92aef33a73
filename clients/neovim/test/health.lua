-- :checkhealth hirelint: no error with a working setup; an actionable error without a binary
-- or with a bad option.
local H = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/helpers.lua")
H.check(H.server, "HIRELINT_TEST_SERVER is not set")
local hirelint = require("hirelint")

local function checkhealth()
  vim.cmd("checkhealth hirelint")
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.cmd("bwipeout!")
  return lines
end

local function has(lines, pattern)
  for _, l in ipairs(lines) do
    if l:find(pattern) then
      return true
    end
  end
  return false
end

-- 1. The vim.lsp.enable form, before any setup(): binary from HIRELINT_SERVER_PATH.
local lines = checkhealth()
H.check(not has(lines, "ERROR"), "checkhealth without setup() has an error:\n" .. table.concat(lines, "\n"))
H.check(has(lines, "OK.*hirelint %d+%.%d+"), "checkhealth shows the version:\n" .. table.concat(lines, "\n"))
H.log("checkhealth (no setup):")
for _, l in ipairs(lines) do
  if l:find("OK") or l:find("INFO") or l:find("WARN") then
    H.log("  " .. vim.trim(l))
  end
end

-- 2. setup{} with a posting.
H.check(hirelint.setup({ cmd = { H.server, "server" }, posting = H.work .. "/posting.md" }), "setup failed")
lines = checkhealth()
H.check(not has(lines, "ERROR"), "checkhealth after setup() has an error:\n" .. table.concat(lines, "\n"))
H.check(has(lines, "setup%(%) options are valid"), "checkhealth says setup() is valid:\n" .. table.concat(lines, "\n"))
H.check(has(lines, "posting: "), "checkhealth shows the posting:\n" .. table.concat(lines, "\n"))
H.log("checkhealth after setup{}: no error")

-- 3. A missing binary: an error that says what to do.
hirelint.setup({ cmd = { H.work .. "/no-such-hirelint", "server" } })
lines = checkhealth()
H.check(has(lines, "ERROR.*was not found"), "checkhealth reports the missing binary:\n" .. table.concat(lines, "\n"))
H.check(has(lines, "cargo install hirelint"), "checkhealth advises how to install:\n" .. table.concat(lines, "\n"))
H.log("checkhealth with a missing binary: ERROR with advice")

-- 4. An unknown option is refused by setup() and reported by checkhealth.
H.check(hirelint.setup({ postings = "x" }) == false, "setup() accepted an unknown option")
lines = checkhealth()
H.check(has(lines, 'ERROR.*unknown option "postings"'), "checkhealth reports the bad option:\n" .. table.concat(lines, "\n"))
H.log("checkhealth with an unknown option: ERROR naming it")

-- The help file's tags are valid (no duplicates): :helptags into a scratch copy.
local doc = H.work .. "/doc"
vim.fn.mkdir(doc, "p")
vim.fn.writefile(vim.fn.readfile(H.plugin .. "/doc/hirelint.txt"), doc .. "/hirelint.txt")
vim.cmd.helptags(vim.fn.fnameescape(doc))
local tags = vim.fn.readfile(doc .. "/tags")
H.check(#tags >= 5, "doc/hirelint.txt defines tags: " .. vim.inspect(tags))
H.log(("doc/hirelint.txt: %d help tags"):format(#tags))
H.done(":checkhealth hirelint")
