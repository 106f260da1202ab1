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

  // What a cell shows: the text of its leading link (a model, an organization), else its own
  // text before any badge or mark.
  function shown(cell) {
    if (!cell) return ''
    var first = cell.firstChild
    if (first && first.nodeType === 1 && first.tagName === 'A') return first.textContent.trim()
    return first && first.nodeType === 3 ? first.nodeValue.trim() : cell.textContent.trim()
  }

  // A number column's text as a number: `1,451`, `−3` (a real minus sign), `+2`, `±11`, `14.61%`, and a
  // pair by its larger half (`+33/−27`): as the build reads it (render/view-table.ts, readShown).
  function readOne(text) {
    var plain = String(text).trim().replace(/,/g, '').replace(/^\u2212/, '-').replace(/^[+\u00b1]/, '').replace(/%$/, '')
    return plain === '' ? NaN : Number(plain)
  }
  // A price column by its first price (`$1.25 / $10`), a token count with its unit (`128K`, `1.05M`).
  function readPrice(text) {
    var m = /\$([\d,.]+)/.exec(String(text))
    return m ? Number(m[1].replace(/,/g, '')) : NaN
  }
  function readTokens(text) {
    var m = /^([\d,.]+)([KM]?)$/.exec(String(text).trim())
    return m ? Number(m[1].replace(/,/g, '')) * (m[2] === 'M' ? 1000000 : m[2] === 'K' ? 1000 : 1) : NaN
  }
  function readNumber(text, type) {
    if (type === 'price' || type === 'tokens') {
      var v = type === 'price' ? readPrice(text) : readTokens(text)
      return isNaN(v) ? null : v
    }
    var parts = String(text).split('/')
    var n = parts.length === 2 ? Math.max(Math.abs(readOne(parts[0])), Math.abs(readOne(parts[1]))) : readOne(text)
    return isNaN(n) ? null : n
  }

  // The sort key: `data-sort` where the page gives one, else what the cell shows.
  function cellValue(row, index, type) {
    var cell = row.cells[index]
    if (!cell) return type ? null : ''
    var explicit = cell.getAttribute('data-sort')
    if (explicit !== null && type) return readNumber(explicit)
    if (type) return readNumber(shown(cell), type)
    return (explicit !== null ? explicit : shown(cell)).trim().toLowerCase()
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
    var type = header.getAttribute('data-type')
    header.setAttribute('aria-sort', descending ? 'descending' : 'ascending')
    var body = table.tBodies[0]
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      return { row: row, value: cellValue(row, index, type), i: i }
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

  // What the filters read of a row, from its cells where the table shows it (the page prints
  // `data-org`, `data-license` and `data-open` only where it does not): organization,
  // license, open weights (the license's badge), and the search text (name, organization and
  // the row's other names, `data-search`).
  filterable.forEach(function (table) {
    var index = {}
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) { index[th.getAttribute('data-key')] = i })
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var org = index.organization !== undefined ? row.cells[index.organization] : null
      var license = index.license !== undefined ? row.cells[index.license] : null
      if (org && !row.hasAttribute('data-org')) row.setAttribute('data-org', shown(org))
      if (license && !row.hasAttribute('data-license')) {
        row.setAttribute('data-license', shown(license))
        row.setAttribute('data-open', license.querySelector('.badge') ? 'yes' : '')
      }
      var name = row.querySelector('th')
      row.setAttribute('data-search', [name ? shown(name) : '', row.getAttribute('data-org') || '', row.getAttribute('data-search') || ''].join(' ').toLowerCase())
    })
  })
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
