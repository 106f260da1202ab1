// leaderlog: sortable and filterable tables. Progressive enhancement only:
// without this script every table is complete and every link works.
// State lives in the query string (q, org, license, open, sort.<table>) so views can be shared.
(function () {
  'use strict'
  var params = new URLSearchParams(window.location.search)
  var tables = Array.prototype.slice.call(document.querySelectorAll('table[data-sortable]'))
  var form = document.querySelector('form[data-filters]')

  function saveState() {
    var query = params.toString()
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : '') + window.location.hash)
  }

  function cellValue(row, index, numeric) {
    var cell = row.cells[index]
    if (!cell) return numeric ? null : ''
    var raw = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent
    if (!numeric) return String(raw).trim().toLowerCase()
    if (raw === '' || raw === null) return null
    var n = Number(raw)
    return isNaN(n) ? null : n
  }

  function sortTable(table, key, descending) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells)
    var index = -1
    headers.forEach(function (th, i) {
      if (th.getAttribute('data-key') === key) index = i
      th.removeAttribute('aria-sort')
    })
    if (index < 0) return false
    var header = headers[index]
    var numeric = header.getAttribute('data-type') === 'number'
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending')
    var body = table.tBodies[0]
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      return { row: row, value: cellValue(row, index, numeric), i: i }
    })
    rows.sort(function (a, b) {
      // Empty values last whatever the direction; ties keep the page's order.
      if (a.value === null || a.value === '') return b.value === null || b.value === '' ? a.i - b.i : 1
      if (b.value === null || b.value === '') return -1
      var c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0
      return (descending ? -c : c) || a.i - b.i
    })
    rows.forEach(function (r) { body.appendChild(r.row) })
    return true
  }

  tables.forEach(function (table) {
    if (!table.id || !table.tHead) return
    var param = 'sort.' + table.id
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      var key = th.getAttribute('data-key')
      if (!key) return
      var button = document.createElement('button')
      button.type = 'button'
      button.textContent = th.textContent
      th.textContent = ''
      th.appendChild(button)
      button.addEventListener('click', function () {
        var descending = th.getAttribute('aria-sort') === 'ascending'
        sortTable(table, key, descending)
        params.set(param, (descending ? '-' : '') + key)
        saveState()
      })
    })
    var initial = params.get(param)
    if (initial) sortTable(table, initial.replace(/^-/, ''), initial.charAt(0) === '-')
  })

  if (!form) return
  var filterable = Array.prototype.slice.call(document.querySelectorAll('table[data-filterable]'))
  var status = form.querySelector('[data-filter-status]')
  var fields = ['q', 'org', 'license', 'open']

  function field(name) { return form.elements.namedItem(name) }

  function read() {
    var q = field('q'), org = field('org'), license = field('license'), open = field('open')
    return {
      q: q ? q.value.trim().toLowerCase() : '',
      org: org ? org.value : '',
      license: license ? license.value : '',
      open: open ? open.checked : false
    }
  }

  function apply() {
    var f = read()
    var words = f.q.split(/\s+/).filter(Boolean)
    var shown = 0, total = 0
    filterable.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.getAttribute('data-search') || ''
        var ok = (!f.org || row.getAttribute('data-org') === f.org) &&
          (!f.license || row.getAttribute('data-license') === f.license) &&
          (!f.open || row.getAttribute('data-open') === 'yes') &&
          words.every(function (w) { return text.indexOf(w) >= 0 })
        row.hidden = !ok
        total++
        if (ok) shown++
      })
    })
    var active = words.length || f.org || f.license || f.open
    if (status) status.textContent = active ? 'Showing ' + shown + ' of ' + total + ' rows.' : ''
  }

  function store() {
    var f = read()
    var q = field('q')
    if (q && q.value.trim()) params.set('q', q.value.trim()); else params.delete('q')
    if (f.org) params.set('org', f.org); else params.delete('org')
    if (f.license) params.set('license', f.license); else params.delete('license')
    if (f.open) params.set('open', '1'); else params.delete('open')
    saveState()
  }

  fields.forEach(function (name) {
    var el = field(name)
    var value = params.get(name)
    if (!el || value === null) return
    if (el.type === 'checkbox') el.checked = value === '1'
    else if (el.tagName === 'SELECT') {
      if (Array.prototype.some.call(el.options, function (o) { return o.value === value })) el.value = value
    } else el.value = value
  })
  form.hidden = false
  // Filters apply as you type: the submit button is for scriptless forms only.
  var apply_ = form.querySelector('[data-apply]')
  if (apply_) apply_.hidden = true
  form.addEventListener('input', function () { apply(); store() })
  form.addEventListener('change', function () { apply(); store() })
  form.addEventListener('submit', function (event) { event.preventDefault() })
  form.addEventListener('reset', function () {
    window.setTimeout(function () { apply(); store() }, 0)
  })
  apply()
})()
