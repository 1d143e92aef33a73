-- hirelint language server: resume linter for Markdown, YAML and JSON.
-- With this plugin on the runtimepath, Neovim 0.11+ needs only:
--   vim.lsp.enable("hirelint")
-- Override any field with vim.lsp.config("hirelint", { ... }); see :help hirelint.
-- The server decides which files are resumes; other Markdown, YAML and JSON files stay quiet.

---@type vim.lsp.Config
return {
  -- HIRELINT_SERVER_PATH (as in the VS Code extension) names another binary.
  cmd = { vim.env.HIRELINT_SERVER_PATH or "hirelint", "server" },
  filetypes = { "markdown", "yaml", "json" },
  root_markers = { ".hirelint.toml", ".git" },
  settings = { hirelint = {} },
  handlers = {
    -- The posting match score of a resume, for statuslines: see :help hirelint-score.
    ["hirelint/score"] = function(_, params)
      return require("hirelint").on_score(params)
    end,
  },
}
