-- Headless Neovim (0.7+) as a real LSP client of pim-language-server.
-- nvim --headless -u init.lua <document.md>; PIM_SERVER, PIM_NODE, PIM_NVIM_OUT, PIM_HOVER_LINE
-- and PIM_HOVER_CHARACTER come from the environment. Writes diagnostics and a hover as JSON.
vim.cmd('filetype on')

local out = assert(os.getenv('PIM_NVIM_OUT'), 'PIM_NVIM_OUT is not set')
local function finish(result)
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    local client_id = vim.lsp.start_client({
      name = 'pim',
      cmd = { os.getenv('PIM_NODE') or 'node', assert(os.getenv('PIM_SERVER')), '--stdio' },
      root_dir = vim.fn.getcwd(),
    })
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local published = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    local diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(diagnostics, { line = d.lnum, col = d.col, severity = d.severity, source = d.source, message = d.message, code = d.code or lsp.code })
    end
    local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = tonumber(os.getenv('PIM_HOVER_LINE')), character = tonumber(os.getenv('PIM_HOVER_CHARACTER')) },
    }, 10000)
    local hover_text = vim.NIL
    for _, response in pairs(hover or {}) do
      if response.result and response.result.contents then hover_text = response.result.contents.value end
    end
    finish({ published = published, diagnostics = diagnostics, hover = hover_text, nvim = vim.version() })
  end,
})
