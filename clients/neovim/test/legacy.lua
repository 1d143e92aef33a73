-- The Neovim 0.9-0.10 path of setup(): a FileType autocmd calling vim.lsp.start. Neovim 0.11
-- still has vim.lsp.start, so the same code is exercised here.
local H = dofile(vim.fs.dirname(debug.getinfo(1, "S").source:sub(2)) .. "/helpers.lua")
H.check(H.server, "HIRELINT_TEST_SERVER is not set")

local hirelint = require("hirelint")
local config = vim.tbl_deep_extend("force", hirelint.default_config(), hirelint.overrides({ cmd = { H.server, "server" } }))
-- A buffer opened before the autocmd exists is picked up too.
local early = H.open("resume.md")
hirelint.start_with_autocmd(config)
H.log("vim.lsp.start from a FileType autocmd")
local client = H.wait_client(early)
H.check(client.root_dir == H.work, "root_dir: " .. tostring(client.root_dir))
local _, diags = H.wait_expected(early, "resume.md")
H.log(("resume.md (open before setup): %d diagnostics"):format(#diags))
local yaml = H.open("resume.yaml")
H.wait_client(yaml)
H.wait_expected(yaml, "resume.yaml")
H.log("resume.yaml (opened after): diagnostics")
H.check(#vim.lsp.get_clients({ name = "hirelint" }) == 1, "vim.lsp.start reuses one client per root")
H.check_quiet("README.md")
H.done("vim.lsp.start fallback")
