-- Headless Neovim (0.7 or later) as a second real LSP client: opens a file, starts `greenml server --stdio` with
-- Neovim's built-in client, waits for the DiagnosticChanged event (vim.wait wakes on events; the timeout is only a
-- bound) and writes what it received to $GREENML_OUT, one diagnostic per line: "line:col code message".
local root = assert(os.getenv('GREENML_ROOT'), 'GREENML_ROOT')
local file = assert(os.getenv('GREENML_FILE'), 'GREENML_FILE')
local out = assert(os.getenv('GREENML_OUT'), 'GREENML_OUT')
local timeout = tonumber(os.getenv('GREENML_TIMEOUT_MS') or '60000')

local received = false
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    if #vim.diagnostic.get(args.buf) > 0 then
      received = true
    end
  end,
})

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'greenml',
  cmd = { 'node', root .. '/bin/greenml.js', 'server', '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h:h'),
  settings = { greenml = {} },
})
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(timeout, function()
  return received
end, 50)

local lines = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  table.insert(lines, string.format('%d:%d %s %s', d.lnum + 1, d.col + 1, code, (d.message:gsub('\n', ' '))))
end
local f = assert(io.open(out, 'w'))
f:write(table.concat(lines, '\n'), '\n')
f:close()
vim.lsp.stop_client(client_id)
if ok then
  vim.cmd('qall!')
else
  vim.cmd('cquit 1')
end
