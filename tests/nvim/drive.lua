-- Drives Neovim through tests/test_lsp_neovim.py's scenario, as a user would: open a TEI
-- file, wait for the diagnostics, hover, type `<` and ask for completion, rename an
-- xml:id and apply the edit, then open a large file and ask for its outline. What the
-- editor received is written as JSON to $TEI_TOOLS_NVIM_OUT, and Neovim quits.
local plan = vim.fn.json_decode(os.getenv("TEI_TOOLS_NVIM_PLAN"))
local found = { steps = {} }
local timeout = 120000

local function client()
  return vim.lsp.get_active_clients({ name = "tei-tools" })[1]
end

local function request(method, params, buf)
  local started = vim.loop.hrtime()
  local reply, err = client().request_sync(method, params, timeout, buf)
  if reply == nil then
    error(method .. ": " .. tostring(err))
  end
  if reply.err ~= nil then
    error(method .. ": " .. vim.inspect(reply.err))
  end
  return reply.result, (vim.loop.hrtime() - started) / 1e6
end

local function at(buf, position)
  return {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = position[1], character = position[2] },
  }
end

local function diagnostics(buf)
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, { line = d.lnum, col = d.col, message = d.message })
  end
  return seen
end

local function scenario()
  vim.cmd("edit " .. vim.fn.fnameescape(plan.document))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.wait(timeout, function() return client() ~= nil and #vim.diagnostic.get(buf) > 0 end, 50),
    "no diagnostics arrived")
  found.diagnostics = diagnostics(buf)
  table.insert(found.steps, "diagnostics")

  local hover = request("textDocument/hover", at(buf, plan.hover), buf)
  found.hover = hover and hover.contents and (hover.contents.value or hover.contents) or vim.NIL
  table.insert(found.steps, "hover")

  -- Type `<` as the editor does (an incremental didChange), then ask for completion there.
  local line, col = plan.type_at[1], plan.type_at[2]
  vim.api.nvim_buf_set_text(buf, line, col, line, col, { "<" })
  vim.wait(300)
  local completion = request("textDocument/completion", at(buf, { line, col + 1 }), buf)
  local items = completion and (completion.items or completion) or {}
  found.completion = {}
  for _, item in ipairs(items) do
    local edit = item.textEdit
    table.insert(found.completion, {
      label = item.label,
      range = edit and (edit.range or edit.replace) or vim.NIL,
    })
  end
  vim.api.nvim_buf_set_text(buf, line, col, line, col + 1, { "" })
  table.insert(found.steps, "completion")

  local edit = request("textDocument/rename", vim.tbl_extend("force", at(buf, plan.rename), { newName = plan.new_name }), buf)
  vim.lsp.util.apply_workspace_edit(edit, client().offset_encoding)
  found.renamed = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), "\n")
  table.insert(found.steps, "rename")

  vim.cmd("edit " .. vim.fn.fnameescape(plan.large))
  local large = vim.api.nvim_get_current_buf()
  assert(vim.wait(timeout, function() return vim.lsp.buf_is_attached(large, client().id) end, 50),
    "the large file was not attached")
  local symbols, ms = request("textDocument/documentSymbol", { textDocument = { uri = vim.uri_from_bufnr(large) } }, large)
  found.outline = { count = #symbols, first = symbols[1] and symbols[1].name or vim.NIL, ms = ms,
                    last = symbols[#symbols] and symbols[#symbols].name or vim.NIL }
  table.insert(found.steps, "outline")
end

local ok, problem = xpcall(scenario, debug.traceback)
if not ok then
  found.error = problem
end
local out = io.open(os.getenv("TEI_TOOLS_NVIM_OUT"), "w")
out:write(vim.fn.json_encode(found))
out:close()
vim.cmd("qall!")
