-- A minimal Neovim 0.7 configuration for tei-tools' language server (used by
-- tests/test_lsp_neovim.py). Neovim 0.7, Debian 12's, has no vim.lsp.start: the
-- client is started once with vim.lsp.start_client and every XML buffer joins it.
-- TEI_TOOLS_LSP_CMD (a JSON list) and TEI_TOOLS_ROOT override the command and the
-- workspace folder; without them it runs `tei-tools lsp` in the current folder.
local command = vim.fn.json_decode(os.getenv("TEI_TOOLS_LSP_CMD") or '["tei-tools", "lsp"]')
local root = os.getenv("TEI_TOOLS_ROOT") or vim.fn.getcwd()
local client_id = nil

vim.api.nvim_create_autocmd("FileType", {
  pattern = "xml",
  callback = function(args)
    if client_id == nil then
      client_id = vim.lsp.start_client({
        name = "tei-tools",
        cmd = command,
        root_dir = root,
        init_options = { debounce = 0.02 },
      })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
