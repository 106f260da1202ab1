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
  // A rank spread by its best rank, then its worst (`1–4` → 1.0004, `3` → 3.0003).
  function readSpread(text) {
    var m = /^(\d+)(?:\u2013(\d+))?$/.exec(String(text).trim())
    return m ? Number(m[1]) + Number(m[2] || m[1]) / 10000 : NaN
  }
  function readNumber(text, type) {
    if (type === 'spread') {
      var r = readSpread(text)
      return isNaN(r) ? null : r
    }
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

// leaderlog: compare any two dates of a board from its JSON data files
// (`data/boards.json`, `data/<board>/<date>.json`), as the build's comparison
// pages do (model/diffs.ts, diffSnapshots). The pair is kept in the query
// string (`?from=…&to=…`) so a comparison can be shared.
;(function () {
  'use strict'
  var form = document.querySelector('form[data-compare]')
  var out = document.querySelector('[data-compare-result]')
  if (!form || !out || !window.fetch) return
  var board = form.getAttribute('data-board')
  var dataPrefix = form.getAttribute('data-data')
  var modelPrefix = form.getAttribute('data-models')
  var datesOnce

  function dates() {
    datesOnce = datesOnce || fetch(form.getAttribute('data-boards')).then(function (r) { return r.json() }).then(function (j) {
      var b = j.boards.filter(function (x) { return x.id === board })[0]
      return b ? b.dates : []
    })
    return datesOnce
  }
  // The latest snapshot on or before a date (the first one when the date is earlier).
  function onOrBefore(list, date) {
    var best
    list.forEach(function (d) { if (d <= date) best = d })
    return best || list[0]
  }
  // A snapshot's rows are arrays under `columns`: one object per row, a null cell left out.
  function load(date) {
    return fetch(dataPrefix + board + '/' + date + '.json').then(function (r) {
      if (!r.ok) throw new Error('No data for ' + date)
      return r.json()
    }).then(function (j) {
      j.rows = j.rows.map(function (cells) {
        var row = {}
        j.columns.forEach(function (c, i) { if (cells[i] !== null) row[c] = cells[i] })
        return row
      })
      return j
    })
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0 }
  function interval(r) {
    return r.score === undefined || r.ciPlus === undefined || r.ciMinus === undefined ? null : [r.score - r.ciMinus, r.score + r.ciPlus]
  }
  function significant(a, b) {
    var ia = interval(a), ib = interval(b)
    return !!(ia && ib) && (ia[1] < ib[0] || ib[1] < ia[0])
  }
  function delta(a, b) { return Math.round((b - a) * 1e6) / 1e6 }
  function entry(r) { return { model: r.model, name: r.name, rank: r.rank, score: r.score } }
  function byRank(a, b) { return a.rank - b.rank || cmp(a.model, b.model) }
  function ascending(x, y) { return x - y }
  // Number of values in `sorted` (ascending) smaller than `value`.
  function countBelow(sorted, value) {
    var lo = 0, hi = sorted.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (sorted[mid] < value) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  function diff(a, b) {
    var before = {}, after = {}
    var d = { entered: [], enteredTop: [], left: [], belowTop: [], moved: [], unchanged: 0 }
    a.rows.forEach(function (r) { before[r.model] = r })
    b.rows.forEach(function (r) { after[r.model] = r })
    var has = function (map, model) { return Object.prototype.hasOwnProperty.call(map, model) }
    // Ranks of the models on both snapshots: a model's place among them is 1 + those ranked above it.
    var peersBefore = a.rows.filter(function (r) { return has(after, r.model) }).map(function (r) { return r.rank }).sort(ascending)
    var peersAfter = b.rows.filter(function (r) { return has(before, r.model) }).map(function (r) { return r.rank }).sort(ascending)
    b.rows.forEach(function (r) {
      var old = has(before, r.model) ? before[r.model] : null
      if (!old) return (a.shownRows === undefined ? d.entered : d.enteredTop).push(entry(r))
      if (old.rank === r.rank) return d.unchanged++
      var m = { model: r.model, name: r.name, from: old, to: r, rankDelta: old.rank - r.rank, peerDelta: countBelow(peersBefore, old.rank) - countBelow(peersAfter, r.rank), significant: significant(old, r) }
      if (old.score !== undefined && r.score !== undefined) m.scoreDelta = delta(old.score, r.score)
      if (old.votes !== undefined && r.votes !== undefined) m.votesGained = r.votes - old.votes
      d.moved.push(m)
    })
    a.rows.forEach(function (r) {
      if (has(after, r.model)) return
      ;(b.shownRows === undefined ? d.left : d.belowTop).push(entry(r))
    })
    ;['entered', 'enteredTop', 'left', 'belowTop'].forEach(function (k) { d[k].sort(byRank) })
    d.moved.sort(function (x, y) {
      return Math.abs(y.rankDelta) - Math.abs(x.rankDelta) || Math.abs(y.scoreDelta || 0) - Math.abs(x.scoreDelta || 0) || x.to.rank - y.to.rank || cmp(x.model, y.model)
    })
    return d
  }

  function num(n) { return n === undefined ? '' : Number(n).toLocaleString('en-US', { maximumFractionDigits: 6 }) }
  function signed(n) { return n === undefined ? '' : n === 0 ? '0' : (n > 0 ? '+' : '\u2212') + num(Math.abs(n)) }
  function el(tag, text, cls) {
    var e = document.createElement(tag)
    if (text !== undefined) e.textContent = text
    if (cls) e.className = cls
    return e
  }
  function modelLink(m) {
    var a = el('a', m.name)
    a.href = modelPrefix + encodeURIComponent(m.model) + '/'
    return a
  }
  // One section: a heading, then a table (`cells` gives a row's cells; the first is the model) or a sentence.
  function section(id, heading, list, columns, cells, empty, note) {
    var s = el('section')
    var h = el('h3', heading + ' (' + list.length + ')')
    h.id = 'h-' + id
    s.setAttribute('aria-labelledby', h.id)
    s.appendChild(h)
    if (!list.length) { s.appendChild(el('p', empty, 'empty')); out.appendChild(s); return }
    var wrap = el('div', undefined, 'table-wrap')
    wrap.tabIndex = 0
    wrap.setAttribute('role', 'region')
    // Its own name: a region named like its section would be a second landmark of the same name.
    wrap.setAttribute('aria-label', 'Table: ' + heading.toLowerCase())
    var table = el('table', undefined, 'data')
    table.id = id
    var head = table.createTHead().insertRow()
    columns.forEach(function (c, i) {
      var th = el('th', c)
      th.scope = 'col'
      if (i > 0) th.className = 'num'
      head.appendChild(th)
    })
    var body = table.createTBody()
    list.forEach(function (item) {
      var tr = body.insertRow()
      tr.setAttribute('data-model', item.model)
      cells(item).forEach(function (c, i) {
        var cell = el(i === 0 ? 'th' : 'td')
        if (i === 0) { cell.scope = 'row'; cell.appendChild(modelLink(item)) } else { cell.textContent = c; cell.className = 'num' }
        tr.appendChild(cell)
      })
    })
    wrap.appendChild(table)
    s.appendChild(wrap)
    if (note) {
      var notes = el('ul', undefined, 'notes')
      var li = el('li')
      li.appendChild(el('span', note.mark, 'mark'))
      li.appendChild(document.createTextNode(' ' + note.text))
      notes.appendChild(li)
      s.appendChild(notes)
    }
    out.appendChild(s)
  }

  function show(a, b, d) {
    out.textContent = ''
    var sig = d.moved.filter(function (m) { return m.significant }).length
    var parts = [d.entered.length + ' entered']
    if (a.shownRows !== undefined) parts.push(d.enteredTop.length + ' entered the published top ' + a.shownRows)
    parts.push(d.left.length + ' left')
    if (b.shownRows !== undefined) parts.push(d.belowTop.length + ' below the published top ' + b.shownRows)
    parts.push(d.moved.length + ' moved (' + sig + ' significantly)', d.unchanged + ' unchanged.')
    var h = el('h3', a.date + ' \u2192 ' + b.date)
    out.appendChild(h)
    if (!d.entered.length && !d.enteredTop.length && !d.left.length && !d.belowTop.length && !d.moved.length) {
      // As the diff pages say it: no empty tables.
      var same = 'No model entered, left or changed rank: the same ' + num(d.unchanged) + ' model' + (d.unchanged === 1 ? '' : 's') + ' in the same order.'
      if (JSON.stringify([a.rows, a.shownRows, a.rankShown]) === JSON.stringify([b.rows, b.shownRows, b.rankShown])) same += ' The rows of ' + b.date + ' are those of ' + a.date + ', field for field.'
      out.appendChild(el('p', same, 'lead'))
      return
    }
    out.appendChild(el('p', parts.join(', '), 'lead'))
    var entryCells = function (e) { return [e.name, num(e.rank), num(e.score)] }
    section('c-entered', 'Entered', d.entered, ['Model', 'Rank', 'Score'], entryCells, 'No model entered.')
    if (a.shownRows !== undefined) section('c-entered-top', 'Entered the published top ' + a.shownRows, d.enteredTop, ['Model', 'Rank', 'Score'], entryCells, 'No model entered the published top ' + a.shownRows + '.')
    section('c-left', 'Left', d.left, ['Model', 'Last rank', 'Score'], entryCells, 'No model left.')
    if (b.shownRows !== undefined) section('c-below-top', 'Below the published top ' + b.shownRows, d.belowTop, ['Model', 'Last rank', 'Score'], entryCells, 'Every model is in the published top ' + b.shownRows + '.')
    section('c-moved', 'Moved', d.moved, ['Model', 'Rank', 'Places', 'Net passed', 'Score change', 'Votes gained', 'Significant'], function (m) {
      return [m.name, m.from.rank + ' \u2192 ' + m.to.rank, signed(m.rankDelta), signed(m.peerDelta), signed(m.scoreDelta), signed(m.votesGained), m.significant ? 'yes' : 'no']
    }, 'No model changed rank.', { mark: 'Net passed', text: 'models on both ' + a.date + ' and ' + b.date + ' the model went past, less those that went past it: entries and exits do not count' })
  }

  function run(from, to) {
    out.textContent = 'Loading\u2026'
    return dates().then(function (list) {
      if (!list.length) throw new Error('No snapshot of this board.')
      var a = onOrBefore(list, from < to ? from : to)
      var b = onOrBefore(list, from < to ? to : from)
      if (a === b) { out.textContent = 'Both dates fall on the snapshot of ' + a + ': pick dates further apart.'; return }
      return Promise.all([load(a), load(b)]).then(function (pair) { show(pair[0], pair[1], diff(pair[0], pair[1])) })
    }).catch(function (e) { out.textContent = 'Could not compare: ' + e.message })
  }

  var params = new URLSearchParams(window.location.search)
  var valid = /^\d{4}-\d{2}-\d{2}$/
  form.hidden = false
  form.addEventListener('submit', function (event) {
    event.preventDefault()
    var from = form.elements.from.value, to = form.elements.to.value
    if (!valid.test(from) || !valid.test(to)) return
    params.set('from', from)
    params.set('to', to)
    window.history.replaceState(null, '', window.location.pathname + '?' + params.toString())
    run(from, to)
  })
  var from = params.get('from'), to = params.get('to')
  if (from && to && valid.test(from) && valid.test(to)) {
    form.elements.from.value = from
    form.elements.to.value = to
    run(from, to)
  }
})()
