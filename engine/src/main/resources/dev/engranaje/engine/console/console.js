/*
 * Engranaje web console. Talks only to the engine's public Camunda /v2 REST API (the calls the
 * official client makes) plus /console/api/ for the login session, so the same page works on the
 * embedded engine and, through `rpa console --address`, against a Camunda 8.8+ cluster.
 * No build step: plain browser JavaScript, DOM built with h() (never innerHTML with data).
 */
(function () {
  'use strict';

  const REFRESH_MS = 5000;
  const PAGE = 50;
  let session = null;
  let current = null; // {name, refresh, busy}

  // ---- DOM helpers -------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (v === true) el.setAttribute(k, '');
      else el.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const main = () => document.getElementById('main');
  // replaceChildren() would write null as the text "null": leave out what a condition did not produce
  function fill(el, ...nodes) { el.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false)); }
  function show(...nodes) { fill(main(), ...nodes); }
  function empty(title, text, ...more) { return h('div', { class: 'empty' }, h('strong', {}, title), text, ...more); }
  function errorBox(e, what) {
    return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Could not ' + what + '. '),
      e.message || String(e), ' ',
      h('span', { class: 'muted' }, e.status ? '' : 'Is the engine running and reachable? The console tries again every 5 seconds.'));
  }
  function badge(state, text) { return h('span', { class: 'badge ' + state }, text || state); }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : '—'; }
  function banner(text, ok) {
    const b = document.getElementById('banner');
    b.textContent = text; b.className = 'banner' + (ok ? ' ok' : ''); b.hidden = !text;
    if (text && ok) setTimeout(() => { if (b.textContent === text) b.hidden = true; }, 6000);
  }

  // ---- API ---------------------------------------------------------------------------------
  class ApiError extends Error { constructor(status, message) { super(message); this.status = status; } }
  async function call(method, url, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && session && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
    let res;
    try {
      res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
    } catch (e) {
      throw new ApiError(0, 'The engine did not answer (' + e.message + ').');
    }
    if (res.status === 401 && !url.startsWith('/console/api/login')) {
      session = null; login(); throw new ApiError(401, 'Your session ended: log in again.');
    }
    const text = await res.text();
    const data = text ? (() => { try { return JSON.parse(text); } catch (_) { return text; } })() : null;
    if (!res.ok) {
      const detail = data && data.detail ? data.detail : (typeof data === 'string' && data ? data : res.statusText);
      throw new ApiError(res.status, 'HTTP ' + res.status + ': ' + detail);
    }
    return data;
  }
  const v2 = (method, path, body) => call(method, '/v2' + path, body);
  const search = (what, filter, extra) => v2('POST', '/' + what + '/search', Object.assign({ filter: filter || {} }, extra || {}));
  async function count(what, filter) {
    const r = await search(what, filter, { page: { limit: 1 } });
    return r.page ? r.page.totalItems : (r.items || []).length;
  }
  async function all(what, filter, extra) {
    const items = [];
    for (let from = 0; ; from += 200) {
      const r = await search(what, filter, Object.assign({ page: { from, limit: 200 } }, extra || {}));
      items.push(...(r.items || []));
      if (!r.items || r.items.length < 200 || (r.page && items.length >= r.page.totalItems)) return items;
    }
  }
  const mayOperate = () => session.roles.some(r => r === 'admin' || r === 'operator');
  // a task user only (no viewer role) gets the task list, not pages the engine would refuse them
  const mayView = () => session.roles.some(r => r === 'admin' || r === 'operator' || r === 'viewer');

  // ---- routing -----------------------------------------------------------------------------
  function route() {
    const hash = location.hash.replace(/^#/, '') || '/processes';
    const [path, query] = hash.split('?');
    const params = new URLSearchParams(query || '');
    const parts = path.split('/').filter(Boolean);
    if (!session) { login(); return; }
    if (!mayView() && parts[0] !== 'tasks') parts.splice(0, parts.length, 'tasks');
    const section = parts[0] === 'instance' ? 'instances' : (parts[0] || 'processes');
    document.querySelectorAll('[data-nav]').forEach(a =>
      a.dataset.nav === section ? a.setAttribute('aria-current', 'page') : a.removeAttribute('aria-current'));
    current = null;
    if (parts[0] === 'instances') instancesView(params);
    else if (parts[0] === 'instance' && parts[1]) instanceView(parts[1]);
    else if (parts[0] === 'tasks') tasksView(parts[1] || null);
    else processesView();
    main().focus({ preventScroll: true });
  }
  function setView(name, refresh) { current = { name, refresh, busy: false }; return current; }
  function tick() {
    if (!current || !current.refresh || current.busy || document.hidden || document.querySelector('dialog[open]')) return;
    if (document.activeElement && document.activeElement.closest('.editing, .bpmn-form, form.filters')) return;
    current.busy = true;
    Promise.resolve(current.refresh()).catch(() => {}).finally(() => { if (current) current.busy = false; });
  }

  // ---- login -------------------------------------------------------------------------------
  async function loadSession() {
    try { session = await call('GET', '/console/api/session'); } catch (e) { session = null; if (e.status !== 401) throw e; }
    const who = document.getElementById('who');
    who.hidden = !session;
    if (session) {
      document.getElementById('who-name').textContent = session.user + (session.groups.length ? ' (' + session.groups.join(', ') + ')' : '');
      document.getElementById('logout').hidden = !session.loginRequired;
      document.querySelectorAll('[data-nav="processes"], [data-nav="instances"]').forEach(a => { a.hidden = !mayView(); });
    }
  }
  function login() {
    current = null;
    document.getElementById('who').hidden = true;
    const error = h('div', { role: 'alert' });
    const user = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
    const pass = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = h('form', {
      onsubmit: async (ev) => {
        ev.preventDefault();
        fill(error);
        try {
          session = await call('POST', '/console/api/login', { username: user.value, password: pass.value });
          await loadSession();
          if (/^#\/?login/.test(location.hash) || !location.hash) location.hash = '#/processes'; else route();
        } catch (e) {
          pass.value = '';
          fill(error, h('div', { class: 'error' }, e.status === 401 ? 'The user name or password is wrong. Try again, or ask an admin to check the users file.' : e.message));
          pass.focus();
        }
      }
    }, h('label', { for: 'username' }, 'User name', user), h('label', { for: 'password' }, 'Password', pass),
      error, h('button', { class: 'primary', type: 'submit', id: 'login' }, 'Log in'));
    show(h('div', { class: 'card login' }, h('h1', {}, 'Log in to Engranaje'),
      h('p', { class: 'muted' }, 'Use the user name and password from the engine\'s users file.'), form));
    user.focus();
  }

  // ---- processes ---------------------------------------------------------------------------
  async function processesView() {
    const view = setView('processes');
    const body = h('div', { class: 'card' }, h('p', { class: 'muted' }, 'Loading processes…'));
    show(h('h1', {}, 'Processes'), body);
    view.refresh = async () => {
      try {
        const defs = (await all('process-definitions', {})).sort((a, b) =>
          (a.name || a.processDefinitionId).localeCompare(b.name || b.processDefinitionId) || b.version - a.version);
        if (!defs.length) {
          fill(body, empty('No process is deployed yet.', 'Deploy a model with ', h('code', {}, 'rpa deploy model.bpmn'),
            ' and it appears here with its instances.'));
          return;
        }
        const rows = await Promise.all(defs.map(async d => {
          const f = { processDefinitionKey: d.processDefinitionKey };
          const [active, incidents, completed, canceled] = await Promise.all([
            count('process-instances', Object.assign({ state: 'ACTIVE' }, f)),
            count('process-instances', Object.assign({ hasIncident: true }, f)),
            count('process-instances', Object.assign({ state: 'COMPLETED' }, f)),
            count('process-instances', Object.assign({ state: 'TERMINATED' }, f))]);
          return { d, active, incidents, completed, canceled };
        }));
        const link = (d, extra, text) => h('a', { href: '#/instances?' + new URLSearchParams(Object.assign({ process: d.processDefinitionId, version: d.version }, extra)) }, String(text));
        fill(body, h('table', {},
          h('thead', {}, h('tr', {}, h('th', {}, 'Process'), h('th', {}, 'Version'), h('th', { class: 'num' }, 'Active'),
            h('th', { class: 'num' }, 'With incident'), h('th', { class: 'num' }, 'Completed'), h('th', { class: 'num' }, 'Canceled'))),
          h('tbody', {}, rows.map(({ d, active, incidents, completed, canceled }) => h('tr', {},
            h('td', {}, link(d, {}, d.name || d.processDefinitionId), h('div', { class: 'muted mono' }, d.processDefinitionId)),
            h('td', {}, 'v' + d.version, d.versionTag ? ' (' + d.versionTag + ')' : ''),
            h('td', { class: 'num' }, link(d, { state: 'ACTIVE' }, active)),
            h('td', { class: 'num' + (incidents ? ' count-incident' : '') }, link(d, { incident: 'true' }, incidents)),
            h('td', { class: 'num' }, link(d, { state: 'COMPLETED' }, completed)),
            h('td', { class: 'num' }, link(d, { state: 'TERMINATED' }, canceled)))))));
      } catch (e) { fill(body, errorBox(e, 'load the processes')); }
    };
    await view.refresh();
  }

  // ---- instance list -----------------------------------------------------------------------
  const FILTER_FIELDS = ['process', 'version', 'state', 'incident', 'key', 'after', 'before', 'variable', 'value', 'page'];
  function instanceFilter(p) {
    const f = {};
    if (p.get('process')) f.processDefinitionId = p.get('process');
    if (p.get('version')) f.processDefinitionVersion = Number(p.get('version'));
    if (p.get('state')) f.state = p.get('state');
    if (p.get('incident') === 'true') f.hasIncident = true;
    if (p.get('incident') === 'false') f.hasIncident = false;
    if (p.get('key')) f.processInstanceKey = p.get('key');
    if (p.get('after') || p.get('before')) {
      f.startDate = {};
      if (p.get('after')) f.startDate.$gte = new Date(p.get('after')).toISOString();
      if (p.get('before')) f.startDate.$lt = new Date(p.get('before')).toISOString();
    }
    if (p.get('variable')) f.variables = [{ name: p.get('variable'), value: p.get('value') || '' }];
    return f;
  }
  function describeFilter(p) {
    const parts = FILTER_FIELDS.filter(k => k !== 'page' && p.get(k)).map(k => k + ' ' + p.get(k));
    return parts.length ? parts.join(', ') : 'no filter (every instance)';
  }
  async function instancesView(params) {
    const view = setView('instances');
    const selected = new Set();
    let allMatching = false;
    let total = 0;
    const defs = await all('process-definitions', {}).catch(() => []);
    const ids = [...new Set(defs.map(d => d.processDefinitionId))].sort();
    const input = (name, label, attrs) => h('label', { for: 'f-' + name }, label,
      h('input', Object.assign({ id: 'f-' + name, name, value: params.get(name) || '' }, attrs || {})));
    const select = (name, label, options) => h('label', { for: 'f-' + name }, label,
      h('select', { id: 'f-' + name, name }, options.map(([v, t]) => h('option', { value: v, selected: (params.get(name) || '') === v }, t))));
    const form = h('form', {
      class: 'filters card', onsubmit: (ev) => {
        ev.preventDefault();
        const q = new URLSearchParams();
        new FormData(form).forEach((v, k) => { if (v) q.set(k, v); });
        const next = '#/instances?' + q;
        if (location.hash === next) route(); else location.hash = next;
      }
    },
      select('process', 'Process', [['', 'Any process'], ...ids.map(i => [i, i])]),
      input('version', 'Version', { type: 'number', min: 1, size: 4, style: 'width:6em' }),
      select('state', 'State', [['', 'Any state'], ['ACTIVE', 'Active'], ['COMPLETED', 'Completed'], ['TERMINATED', 'Canceled']]),
      select('incident', 'Incident', [['', 'Either'], ['true', 'With incident'], ['false', 'Without']]),
      input('key', 'Instance key', { inputmode: 'numeric' }),
      input('after', 'Started after', { type: 'datetime-local' }),
      input('before', 'Started before', { type: 'datetime-local' }),
      input('variable', 'Variable name'), input('value', 'Variable value (JSON)', { placeholder: '"open"' }),
      h('button', { class: 'primary', type: 'submit' }, 'Apply'),
      h('button', { type: 'button', onclick: () => { location.hash = '#/instances'; } }, 'Clear'));
    const bar = h('div', { class: 'toolbar' });
    const list = h('div', { class: 'card' }, h('p', { class: 'muted' }, 'Loading instances…'));
    show(h('h1', {}, 'Instances'), form, bar, list);
    const from = Number(params.get('page') || 0) * PAGE;
    const filter = instanceFilter(params);

    function toolbar() {
      const n = allMatching ? total : selected.size;
      fill(bar, 
        h('span', { class: 'muted', id: 'selection' }, n ? n + ' selected' + (allMatching ? ' (every instance matching the filter)' : '') : total + ' matching'),
        total > 0 && !allMatching ? h('button', { type: 'button', id: 'select-all', onclick: () => { allMatching = true; render(lastItems); } }, 'Select all ' + total + ' matching') : null,
        allMatching || selected.size ? h('button', { type: 'button', onclick: () => { allMatching = false; selected.clear(); render(lastItems); } }, 'Clear selection') : null,
        h('span', { class: 'spacer' }),
        mayOperate() ? h('button', { type: 'button', id: 'batch-retry', disabled: !n, onclick: () => batch('retry') }, 'Retry incidents') : null,
        mayOperate() ? h('button', { type: 'button', id: 'batch-cancel', class: 'danger', disabled: !n, onclick: () => batch('cancel') }, 'Cancel instances') : null);
    }
    async function targets() {
      if (!allMatching) return [...selected];
      return (await all('process-instances', filter)).map(i => i.processInstanceKey);
    }
    async function batch(kind) {
      const n = allMatching ? total : selected.size;
      const what = kind === 'retry' ? 'Retry the incidents of ' + n + ' instance(s)' : 'Cancel ' + n + ' instance(s)';
      await confirmAndRun(what + '?', (allMatching ? 'Applies to every instance matching: ' + describeFilter(params) + '. ' : '')
        + (kind === 'retry' ? 'Each failed job gets one more retry and its incident is resolved.' : 'Cancelled instances stop at once; this cannot be undone.'),
        kind === 'retry' ? 'Retry' : 'Cancel instances', async () => targets(),
        key => kind === 'retry' ? retryInstance(key) : v2('POST', '/process-instances/' + key + '/cancellation', {}));
      selected.clear(); allMatching = false; await view.refresh();
    }
    let lastItems = [];
    function render(items) {
      lastItems = items;
      toolbar();
      if (!items.length) {
        fill(list, empty('No instance matches these filters.', 'Change or clear the filters above, or start one with ',
          h('code', {}, 'rpa run PROCESS_ID'), '.'));
        return;
      }
      const pageBox = h('input', {
        type: 'checkbox', 'aria-label': 'Select the instances on this page', checked: items.every(i => allMatching || selected.has(i.processInstanceKey)),
        onchange: (ev) => { items.forEach(i => ev.target.checked ? selected.add(i.processInstanceKey) : selected.delete(i.processInstanceKey)); if (!ev.target.checked) allMatching = false; render(items); }
      });
      const pages = Math.ceil(total / PAGE);
      const page = Number(params.get('page') || 0);
      const goto = (n) => { const q = new URLSearchParams(params); q.set('page', n); return '#/instances?' + q; };
      fill(list, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, pageBox), h('th', {}, 'Instance'), h('th', {}, 'Process'), h('th', {}, 'State'),
          h('th', {}, 'Started'), h('th', {}, 'Ended'))),
        h('tbody', {}, items.map(i => {
          const on = allMatching || selected.has(i.processInstanceKey);
          return h('tr', { class: on ? 'selected' : '' },
            h('td', {}, h('input', {
              type: 'checkbox', 'aria-label': 'Select instance ' + i.processInstanceKey, checked: on, disabled: allMatching,
              onchange: (ev) => { ev.target.checked ? selected.add(i.processInstanceKey) : selected.delete(i.processInstanceKey); render(items); }
            })),
            h('td', {}, h('a', { href: '#/instance/' + i.processInstanceKey, class: 'mono' }, i.processInstanceKey)),
            h('td', {}, i.processDefinitionName || i.processDefinitionId, h('span', { class: 'muted' }, ' v' + i.processDefinitionVersion)),
            h('td', {}, badge(i.state, i.state === 'TERMINATED' ? 'CANCELED' : i.state), ' ', i.hasIncident ? badge('INCIDENT', 'incident') : null),
            h('td', {}, when(i.startDate)), h('td', {}, when(i.endDate)));
        }))),
        pages > 1 ? h('div', { class: 'toolbar' }, page > 0 ? h('a', { href: goto(page - 1) }, '← Previous') : null,
          h('span', { class: 'muted' }, 'Page ' + (page + 1) + ' of ' + pages), page + 1 < pages ? h('a', { href: goto(page + 1) }, 'Next →') : null) : null);
    }
    view.refresh = async () => {
      try {
        const r = await search('process-instances', filter, { page: { from, limit: PAGE }, sort: [{ field: 'startDate', order: 'DESC' }] });
        total = r.page ? r.page.totalItems : r.items.length;
        render(r.items || []);
      } catch (e) { fill(list, errorBox(e, 'load the instances')); }
    };
    await view.refresh();
  }

  async function retryIncident(incident) {
    if (incident.jobKey) await v2('PATCH', '/jobs/' + incident.jobKey, { changeset: { retries: 1 } });
    await v2('POST', '/incidents/' + incident.incidentKey + '/resolution', {});
  }
  async function retryInstance(key) {
    const incidents = await all('incidents', { processInstanceKey: key, state: 'ACTIVE' });
    if (!incidents.length) return 'no incident';
    for (const i of incidents) await retryIncident(i);
    return incidents.length + ' incident(s) retried';
  }

  // One confirmation dialog for every action: states what happens, then shows progress and results.
  function confirmAndRun(title, text, yes, listTargets, action) {
    const dialog = document.getElementById('confirm');
    document.getElementById('confirm-title').textContent = title;
    document.getElementById('confirm-text').textContent = text;
    const progress = document.getElementById('confirm-progress');
    const results = document.getElementById('confirm-results');
    const ok = document.getElementById('confirm-yes');
    const no = document.getElementById('confirm-no');
    progress.hidden = true; results.hidden = true; fill(results);
    ok.textContent = yes; ok.hidden = false; ok.disabled = false; no.textContent = 'Cancel';
    ok.className = /cancel/i.test(yes) ? 'danger' : 'primary';
    return new Promise(resolve => {
      const close = () => { dialog.close(); ok.onclick = null; no.onclick = null; resolve(); };
      no.onclick = close;
      dialog.onclose = () => resolve();
      ok.onclick = async () => {
        ok.disabled = true; no.disabled = true;
        let keys;
        try { keys = await listTargets(); } catch (e) { results.hidden = false; results.append(h('li', {}, e.message)); no.disabled = false; no.textContent = 'Close'; return; }
        progress.hidden = false; results.hidden = false;
        let done = 0, failed = 0;
        const bar = progress.querySelector('.bar'), label = progress.querySelector('span');
        const step = () => { bar.style.width = (keys.length ? 100 * (done + failed) / keys.length : 100) + '%'; label.textContent = (done + failed) + ' / ' + keys.length; };
        step();
        for (const key of keys) {
          try { const r = await action(key); done++; if (keys.length <= 20) results.append(h('li', {}, key + ': ' + (r || 'done'))); }
          catch (e) { failed++; results.append(h('li', { class: 'count-incident' }, key + ': ' + e.message)); }
          step();
        }
        results.prepend(h('li', { id: 'batch-summary' }, h('strong', {}, done + ' done, ' + failed + ' failed')));
        ok.hidden = true; no.disabled = false; no.textContent = 'Close'; no.focus();
        banner(title.replace(/\?$/, '') + ': ' + done + ' done, ' + failed + ' failed', failed === 0);
      };
      dialog.showModal();
      ok.focus();
    });
  }

  // ---- instance page -----------------------------------------------------------------------
  async function instanceView(key) {
    const view = setView('instance');
    const head = h('h1', {}, 'Instance ', h('span', { class: 'mono' }, key));
    const facts = h('div', { class: 'card' }, h('p', { class: 'muted' }, 'Loading…'));
    const diagramBox = h('div', { id: 'diagram', role: 'img', 'aria-label': 'Process diagram with the instance\'s state' });
    const incidentsBox = h('div', { class: 'card', id: 'incidents' });
    const treeBox = h('div', { class: 'card', id: 'tree' });
    const variablesBox = h('div', { class: 'card', id: 'variables' });
    show(head, facts, h('div', { class: 'grid' },
      h('div', {}, incidentsBox, h('div', { class: 'card' }, h('h2', {}, 'Diagram'), diagramBox,
        h('div', { class: 'legend' }, h('span', {}, h('span', { class: 'overlay active' }, 'n'), ' active'),
          h('span', {}, h('span', { class: 'overlay completed' }, 'n'), ' completed'),
          h('span', {}, h('span', { class: 'overlay incident-badge' }, 'n'), ' incidents'),
          h('span', {}, 'blue lines: the path taken'))), variablesBox),
      h('div', {}, treeBox)));
    let viewer = null, xmlKey = null, instance = null;

    async function drawDiagram(stats, flows) {
      if (!window.BpmnJS) { fill(diagramBox, empty('The diagram viewer did not load.', 'Reload the page.')); return; }
      if (xmlKey !== instance.processDefinitionKey) {
        const xml = await fetch('/v2/process-definitions/' + instance.processDefinitionKey + '/xml', { headers: { Accept: 'text/xml' } }).then(r => {
          if (!r.ok) throw new ApiError(r.status, 'HTTP ' + r.status + ' for the process diagram'); return r.text();
        });
        if (!viewer) viewer = new BpmnJS({ container: diagramBox });
        await viewer.importXML(xml);
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        xmlKey = instance.processDefinitionKey;
      }
      const overlays = viewer.get('overlays'), canvas = viewer.get('canvas'), registry = viewer.get('elementRegistry');
      overlays.clear();
      registry.getAll().forEach(el => ['active-element', 'incident-element', 'taken'].forEach(m => canvas.removeMarker(el.id, m)));
      for (const s of stats) {
        if (!registry.get(s.elementId)) continue;
        if (s.active) { canvas.addMarker(s.elementId, 'active-element'); overlays.add(s.elementId, { position: { bottom: 10, left: -8 }, html: h('span', { class: 'overlay active', title: s.active + ' active' }, String(s.active)) }); }
        if (s.incidents) { canvas.addMarker(s.elementId, 'incident-element'); overlays.add(s.elementId, { position: { top: -10, right: 10 }, html: h('span', { class: 'overlay incident-badge', 'data-element': s.elementId, title: s.incidents + ' incident(s)' }, '⚠ ' + s.incidents) }); }
        if (s.completed) overlays.add(s.elementId, { position: { bottom: 10, right: 10 }, html: h('span', { class: 'overlay completed', title: s.completed + ' completed' }, String(s.completed)) });
      }
      for (const f of flows) if (registry.get(f.elementId)) canvas.addMarker(f.elementId, 'taken');
    }

    function renderIncidents(incidents) {
      if (!incidents.length) { fill(incidentsBox, h('h2', {}, 'Incidents'), h('p', { class: 'muted' }, 'No open incident.')); return; }
      fill(incidentsBox, h('h2', {}, 'Incidents (' + incidents.length + ')'), ...incidents.map(i => h('div', { class: 'incident' },
        h('div', {}, badge('INCIDENT', i.errorType), ' at ', h('strong', {}, i.elementId), h('span', { class: 'muted' }, ' · ' + when(i.creationTime))),
        h('pre', { class: 'error-message' }, i.errorMessage || '(no message)'),
        evidence(i.errorMessage || ''),
        mayOperate() ? h('button', {
          type: 'button', class: 'primary', 'data-retry': i.incidentKey, onclick: () => confirmAndRun('Retry this incident?',
            'The failed ' + (i.jobKey ? 'job gets one more retry' : 'step is tried again') + ' and the incident is resolved. Fix its cause first (e.g. a variable below).',
            'Retry', async () => [i.incidentKey], async () => { await retryIncident(i); return 'retried'; }).then(() => view.refresh())
        }, 'Retry') : null)));
    }
    function evidence(message) {
      const refs = [...new Set((message.match(/\b(?:evidence|screenshots|downloads)\/[\w.\-/]+\w/g) || []))];
      if (!refs.length) return null;
      return h('div', {}, 'Evidence: ', ...refs.map((r, n) => [n ? ', ' : '', session.workspace
        ? h('a', { href: '/console/workspace/' + key + '/' + r.split('/').map(encodeURIComponent).join('/'), target: '_blank', rel: 'noopener' }, r)
        : h('code', { title: 'Start the console with --workspace DIR to open the files' }, r)]));
    }
    async function renderTree(elements) {
      const children = async (scope) => (await all('element-instances', { processInstanceKey: key, elementInstanceScopeKey: scope }, { sort: [{ field: 'startDate', order: 'ASC' }] }));
      const containers = ['SUB_PROCESS', 'EVENT_SUB_PROCESS', 'MULTI_INSTANCE_BODY', 'AD_HOC_SUB_PROCESS'];
      async function nodes(scope, depth) {
        let items;
        try { items = await children(scope); } catch (_) { items = depth ? [] : elements.filter(e => e.type !== 'PROCESS'); }
        return h('ul', { class: depth ? '' : 'tree' }, await Promise.all(items.map(async e => h('li', {},
          badge(e.state === 'TERMINATED' ? 'CANCELED' : e.state, e.state === 'TERMINATED' ? 'canceled' : e.state.toLowerCase()), ' ',
          h('span', {}, e.elementName || e.elementId), h('span', { class: 'muted' }, ' ' + e.type.toLowerCase().replace(/_/g, ' ') + ' · ' + when(e.startDate)),
          e.hasIncident ? [' ', badge('INCIDENT', 'incident')] : null,
          containers.includes(e.type) && depth < 6 ? await nodes(e.elementInstanceKey, depth + 1) : null))));
      }
      fill(treeBox, h('h2', {}, 'Element tree'), elements.length ? await nodes(key, 0) : h('p', { class: 'muted' }, 'No element has run yet.'));
    }
    function renderVariables(vars) {
      const editable = mayOperate() && instance.state === 'ACTIVE';
      const rows = vars.sort((a, b) => a.name.localeCompare(b.name)).map(v => {
        const cell = h('td', {}, h('pre', { class: 'value mono' }, v.value));
        const edit = editable ? h('button', { type: 'button', 'data-edit': v.name, onclick: () => startEdit(v, cell) }, 'Edit') : null;
        return h('tr', {}, h('td', { class: 'mono' }, v.name), cell,
          h('td', { class: 'muted' }, v.scopeKey === key ? 'instance' : 'element ' + v.scopeKey), h('td', {}, edit));
      });
      const add = editable ? h('button', { type: 'button', onclick: () => startEdit({ name: '', value: '', scopeKey: key }, null) }, 'Add variable') : null;
      fill(variablesBox, h('h2', {}, 'Variables'), vars.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Value (JSON)'), h('th', {}, 'Scope'), h('th', {}))), h('tbody', {}, rows))
        : h('p', { class: 'muted' }, 'This instance has no variables.'), add);
    }
    function startEdit(v, cell) {
      const name = h('input', { 'aria-label': 'Variable name', value: v.name, class: 'mono', disabled: !!v.name });
      const text = h('textarea', { 'aria-label': 'Value of ' + (v.name || 'the new variable') + ' as JSON', rows: Math.min(12, Math.max(2, v.value.split('\n').length + 1)) });
      text.value = v.value;
      const msg = h('div', { role: 'alert', class: 'count-incident' });
      const save = async () => {
        let parsed;
        try { parsed = JSON.parse(text.value); } catch (e) { msg.textContent = 'Not valid JSON: ' + e.message + ' (text needs quotes, e.g. "abc").'; text.focus(); return; }
        if (!name.value.trim()) { msg.textContent = 'Give the variable a name.'; name.focus(); return; }
        try {
          await v2('PUT', '/element-instances/' + v.scopeKey + '/variables', { variables: { [name.value.trim()]: parsed }, local: true });
          banner('Variable ' + name.value.trim() + ' saved.', true);
          box.remove(); await view.refresh();
        } catch (e) { msg.textContent = e.message; }
      };
      text.addEventListener('keydown', ev => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) save(); if (ev.key === 'Escape') { box.remove(); view.refresh(); } });
      const box = h('div', { class: 'editing' }, name, text, msg, h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'primary', 'data-save': v.name || 'new', onclick: save }, 'Save'),
        h('button', { type: 'button', onclick: () => { box.remove(); view.refresh(); } }, 'Cancel'),
        h('span', { class: 'muted' }, 'Ctrl+Enter saves, Escape cancels')));
      if (cell) fill(cell, box); else variablesBox.append(box);
      (v.name ? text : name).focus();
    }

    view.refresh = async () => {
      try {
        instance = await v2('GET', '/process-instances/' + key);
      } catch (e) {
        fill(facts, e.status === 404 ? empty('There is no instance ' + key + '.', 'It may have been removed by history retention. ', h('a', { href: '#/instances' }, 'Back to the instances'))
          : errorBox(e, 'load the instance'));
        return;
      }
      const [stats, flows, incidents, elements, vars] = await Promise.all([
        v2('GET', '/process-instances/' + key + '/statistics/element-instances').then(r => r.items || []).catch(() => []),
        v2('GET', '/process-instances/' + key + '/sequence-flows').then(r => r.items || []).catch(() => []),
        all('incidents', { processInstanceKey: key, state: 'ACTIVE' }),
        all('element-instances', { processInstanceKey: key }),
        all('variables', { processInstanceKey: key })]);
      for (const v of vars) if (v.isTruncated) { try { v.value = (await v2('GET', '/variables/' + v.variableKey)).value; } catch (_) { /* keep the preview */ } }
      const state = instance.state === 'TERMINATED' ? 'CANCELED' : instance.state;
      fill(head, 'Instance ', h('span', { class: 'mono' }, key), ' ', badge(instance.state, state), incidents.length ? badge('INCIDENT', incidents.length + ' incident(s)') : null);
      fill(facts, h('dl', { class: 'kv' },
        h('dt', {}, 'Process'), h('dd', {}, h('a', { href: '#/instances?process=' + encodeURIComponent(instance.processDefinitionId) }, instance.processDefinitionName || instance.processDefinitionId), ' v' + instance.processDefinitionVersion),
        h('dt', {}, 'Started'), h('dd', {}, when(instance.startDate)),
        h('dt', {}, 'Ended'), h('dd', {}, when(instance.endDate)),
        instance.parentProcessInstanceKey ? [h('dt', {}, 'Called by'), h('dd', {}, h('a', { href: '#/instance/' + instance.parentProcessInstanceKey }, instance.parentProcessInstanceKey))] : null),
        h('div', { class: 'toolbar' },
          mayOperate() && incidents.length ? h('button', { type: 'button', class: 'primary', id: 'retry-all', onclick: () => confirmAndRun('Retry ' + incidents.length + ' incident(s)?', 'Each failed job gets one more retry and its incident is resolved.', 'Retry', async () => [key], retryInstance).then(() => view.refresh()) }, 'Retry all incidents') : null,
          mayOperate() && instance.state === 'ACTIVE' ? h('button', { type: 'button', class: 'danger', id: 'cancel', onclick: () => confirmAndRun('Cancel instance ' + key + '?', 'The instance stops at once and cannot be resumed.', 'Cancel instance', async () => [key], k => v2('POST', '/process-instances/' + k + '/cancellation', {})).then(() => view.refresh()) }, 'Cancel instance') : null,
          h('span', { class: 'spacer' }), h('span', { class: 'refresh' }, 'Refreshes every 5 s · last ' + new Date().toLocaleTimeString())));
      renderIncidents(incidents);
      if (!variablesBox.querySelector('.editing')) renderVariables(vars);
      await renderTree(elements);
      try { await drawDiagram(stats, flows); } catch (e) { fill(diagramBox, errorBox(e, 'draw the diagram')); viewer = null; xmlKey = null; }
    };
    await view.refresh();
  }

  // ---- tasks -------------------------------------------------------------------------------
  async function tasksView(selectedKey) {
    const view = setView('tasks');
    const listBox = h('div', { class: 'card' }, h('p', { class: 'muted' }, 'Loading tasks…'));
    const detail = h('div', { class: 'card', id: 'task' });
    show(h('h1', {}, 'Tasks'), h('div', { class: 'tasks' }, listBox, detail));
    let form = null, shownKey = null;
    const me = session.user;
    const mine = t => t.assignee === me;
    const forMe = t => mine(t) || (!t.assignee && (!session.groupsKnown
      || (t.candidateGroups || []).some(g => session.groups.includes(g)) || (t.candidateUsers || []).includes(me)));

    function renderList(tasks) {
      const my = tasks.filter(mine), group = tasks.filter(t => !mine(t));
      const item = t => h('li', {}, h('a', { href: '#/tasks/' + t.userTaskKey, 'aria-current': String(t.userTaskKey === selectedKey), 'data-task': t.elementId },
        h('strong', {}, t.name || t.elementId), h('div', { class: 'meta' }, (t.processDefinitionId || '') + ' · instance ' + t.processInstanceKey),
        h('div', { class: 'meta' }, 'created ' + when(t.creationDate), t.dueDate ? ' · due ' + when(t.dueDate) : '', t.priority !== undefined && t.priority !== null ? ' · priority ' + t.priority : '',
          t.candidateGroups && t.candidateGroups.length ? ' · ' + t.candidateGroups.join(', ') : '')));
      fill(listBox, 
        h('h2', {}, 'My tasks (' + my.length + ')'), my.length ? h('ul', { class: 'task-list' }, my.map(item)) : h('p', { class: 'muted' }, 'Nothing assigned to you. Claim a task below to work on it.'),
        h('h2', { style: 'margin-top:14px' }, (session.groupsKnown ? 'Tasks of my groups' : 'Unassigned tasks') + ' (' + group.length + ')'),
        group.length ? h('ul', { class: 'task-list' }, group.map(item)) : h('p', { class: 'muted' }, session.groupsKnown
          ? 'No open task for your groups (' + (session.groups.join(', ') || 'you are in no group') + '). Tasks appear here when a process reaches a user task for one of them.'
          : 'No open task. Tasks appear here when a process reaches a user task.'));
    }
    async function renderTask(t) {
      shownKey = t.userTaskKey;
      const msg = h('div', { role: 'alert' });
      const formBox = h('div', { class: 'bpmn-form-box' });
      const claimed = mine(t);
      const act = async (what, fn) => { fill(msg); try { await fn(); banner(what, true); shownKey = null; await view.refresh(); } catch (e) { fill(msg, h('div', { class: 'error' }, e.message)); } };
      const claim = () => act('Task claimed.', () => v2('POST', '/user-tasks/' + t.userTaskKey + '/assignment', { assignee: me, allowOverride: false }));
      const unclaim = () => act('Task returned to the group.', () => v2('DELETE', '/user-tasks/' + t.userTaskKey + '/assignee'));
      const complete = async () => {
        let variables = {};
        if (form) {
          const { data, errors } = form.submit();
          if (Object.keys(errors || {}).length) { fill(msg, h('div', { class: 'error' }, 'Some fields need attention: fix the highlighted fields, then complete.')); return; }
          variables = data;
        }
        await act('Task completed.', async () => { await v2('POST', '/user-tasks/' + t.userTaskKey + '/completion', { variables }); location.hash = '#/tasks'; });
      };
      fill(detail, h('h2', {}, t.name || t.elementId),
        h('dl', { class: 'kv' }, h('dt', {}, 'Process'), h('dd', {}, t.processDefinitionId || '—'),
          h('dt', {}, 'Instance'), h('dd', {}, h('a', { href: '#/instance/' + t.processInstanceKey, class: 'mono' }, t.processInstanceKey)),
          h('dt', {}, 'Assignee'), h('dd', {}, t.assignee || 'nobody (claim it to work on it)'),
          h('dt', {}, 'Groups'), h('dd', {}, (t.candidateGroups || []).join(', ') || '—'),
          h('dt', {}, 'Due'), h('dd', {}, when(t.dueDate)), h('dt', {}, 'Priority'), h('dd', {}, t.priority ?? '—')),
        h('div', { class: 'toolbar' },
          claimed ? h('button', { type: 'button', id: 'unclaim', onclick: unclaim }, 'Unclaim') : h('button', { type: 'button', class: 'primary', id: 'claim', onclick: claim }, 'Claim')),
        formBox, msg,
        h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', id: 'complete', disabled: !claimed, title: claimed ? '' : 'Claim the task first', onclick: complete }, 'Complete')));
      form = null;
      let schema = null;
      try { const f = await v2('GET', '/user-tasks/' + t.userTaskKey + '/form'); schema = f && f.schema ? JSON.parse(f.schema) : null; }
      catch (e) { fill(formBox, errorBox(e, 'load the task\'s form')); return; }
      if (!schema) { fill(formBox, h('p', { class: 'muted' }, 'This task has no form: completing it continues the process.')); return; }
      // the instance's variables if this user may read them, then the task's own (its input mappings) over them
      const data = {};
      const add = vars => vars.forEach(v => { try { data[v.name] = JSON.parse(v.value); } catch (_) { /* not JSON */ } });
      await all('variables', { processInstanceKey: t.processInstanceKey }).then(add, () => {});
      await all('user-tasks/' + t.userTaskKey + '/variables', {}).then(add, () => {});
      const container = h('div', { class: 'bpmn-form' });
      fill(formBox, container);
      form = new FormViewer.Form({ container });
      await form.importSchema(schema, data);
      // the "fix the highlighted fields" note goes once the user edits: the form marks what is still wrong
      form.on('changed', () => fill(msg));
      if (!claimed) form.setProperty('readOnly', true);
    }
    view.refresh = async () => {
      try {
        const tasks = (await all('user-tasks', { state: 'CREATED' })).filter(forMe);
        renderList(tasks);
        const t = tasks.find(x => x.userTaskKey === selectedKey);
        if (!selectedKey) { if (!shownKey) fill(detail, empty('Pick a task.', tasks.length ? 'Choose a task on the left to see its form.' : 'There is nothing to do right now.')); shownKey = 'none'; return; }
        if (!t) { fill(detail, empty('This task is no longer open for you.', 'It was completed or taken by someone else. ', h('a', { href: '#/tasks' }, 'Back to the tasks'))); shownKey = null; return; }
        if (shownKey !== t.userTaskKey) await renderTask(t);
      } catch (e) { fill(listBox, errorBox(e, 'load the tasks')); }
    };
    await view.refresh();
  }

  // ---- start -------------------------------------------------------------------------------
  document.getElementById('logout').addEventListener('click', async () => {
    try { await call('POST', '/console/api/logout'); } catch (_) { /* already gone */ }
    session = null; location.hash = '#/login'; login();
  });
  window.addEventListener('hashchange', route);
  (async () => {
    try { await loadSession(); } catch (e) { show(errorBox(e, 'reach the engine')); return; }
    route();
    setInterval(tick, REFRESH_MS);
  })();
})();
