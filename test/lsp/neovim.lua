-- Driven by test/lsp/neovim.test.ts: Neovim's built-in LSP client against `pmdocs lsp --stdio`. Opens the
-- broken PRD, waits for diagnostics, asks for code actions on the misspelt status, applies the one that
-- offers 'approved', waits for the diagnostics to follow, and writes what it saw to $PMDOCS_OUT as JSON.

local out = {}
local function finish()
  local f = io.open(os.getenv('PMDOCS_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(list, { line = d.lnum, col = d.col, code = d.code, severity = d.severity, message = d.message, source = d.source })
  end
  table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.message < b.message) end)
  return list
end

local ok, err = pcall(function()
  -- The client comes from the init.lua the test wrote (docs/editors.md's Neovim block): opening a
  -- Markdown file attaches it.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('PMDOCS_DOC')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id
  out.attached = vim.wait(10000, function()
    for id, _ in pairs(vim.lsp.buf_get_clients(bufnr)) do client_id = id end
    return client_id ~= nil
  end, 20)
  assert(client_id, 'no language client attached to the Markdown buffer')
  out.gotDiagnostics = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  out.before = diagnostics(bufnr)

  -- The diagnostic on the misspelt status, as the client sends it back in a code action request.
  local target
  for _, d in ipairs(out.before) do
    if d.code == 'frontmatter-schema' and d.message:find('aproved', 1, true) then target = d end
  end
  assert(target, 'no frontmatter-schema diagnostic for the status')
  local lsp_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.line, {}, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diags[1].range,
    context = { diagnostics = lsp_diags },
  }, 10000, bufnr)
  assert(response and response.result, 'no answer to textDocument/codeAction: ' .. vim.inspect(response))
  out.actions = {}
  local chosen
  for _, action in ipairs(response.result) do
    table.insert(out.actions, action.title)
    if not chosen and action.title:find('approved', 1, true) then chosen = action end
  end
  assert(chosen, 'no code action offering approved')
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  out.lineAfterFix = vim.api.nvim_buf_get_lines(bufnr, target.line, target.line + 1, false)[1]

  -- The edit is sent as didChange: the diagnostics follow.
  out.updated = vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message:find('aproved', 1, true) then return false end
    end
    return true
  end, 20)
  out.after = diagnostics(bufnr)
  client.stop()
  out.stopped = vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end)
if not ok then out.error = tostring(err) end
finish()
