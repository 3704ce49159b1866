// Nothing a clerk types is lost, even live in a meeting with a poor connection.
//
// Forms marked data-autosave (an item's minute, the attendance, the times)
// save themselves as the clerk types. Until the server has a change, it is
// kept in this browser's storage: a reload, a crash or a dropped connection
// loses nothing, and it is sent again when the connection returns. A minute
// saved meanwhile from another screen is never overwritten unseen: both texts
// are shown, and the clerk's next edit decides.
//
// Forms marked data-draft (add a resolution, an action, a declaration…) keep
// what was typed in storage until the server accepts the form.
//
// Without JavaScript every one of these forms still posts and saves normally.

const STORE = 'scrutineer:drafts:v1';

const readAll = () => {
  try {
    return JSON.parse(window.localStorage.getItem(STORE) ?? '{}') ?? {};
  } catch {
    return {};
  }
};
const writeAll = (drafts) => {
  try {
    window.localStorage.setItem(STORE, JSON.stringify(drafts));
  } catch {
    // Storage full or disabled: saving to the server still works.
  }
};
const getDraft = (key) => readAll()[key];
const setDraft = (key, draft) => writeAll({ ...readAll(), [key]: draft });
const dropDraft = (key) => {
  const all = readAll();
  delete all[key];
  writeAll(all);
};

/** What a form holds, by field name: the chosen radio, a ticked box's value, text as typed. */
function valuesOf(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.type === 'submit' || el.type === 'file' || el.type === 'hidden') continue;
    if (el.type === 'radio') {
      if (!(el.name in out)) out[el.name] = '';
      if (el.checked) out[el.name] = el.value;
    } else if (el.type === 'checkbox') {
      out[el.name] = el.checked ? el.value : '';
    } else {
      out[el.name] = el.value;
    }
  }
  return out;
}

function fill(form, values) {
  for (const el of form.elements) {
    if (!el.name || !(el.name in values)) continue;
    if (el.type === 'radio') el.checked = el.value === values[el.name];
    else if (el.type === 'checkbox') el.checked = values[el.name] === el.value;
    else if (el.type !== 'submit' && el.type !== 'file' && el.type !== 'hidden') el.value = values[el.name];
  }
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isBlank = (values) => Object.values(values).every((v) => v === '');
const clock = () => new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

function say(form, text, state) {
  const el = form.querySelector('[data-autosave-status]');
  if (el) {
    el.textContent = text;
    el.dataset.state = state;
  }
}

const timers = new WeakMap();
const retries = new WeakMap();
const sending = new WeakSet();
const waiting = new Set();

function schedule(form, delay) {
  clearTimeout(timers.get(form));
  timers.set(
    form,
    setTimeout(() => save(form), delay),
  );
}

function retryLater(form) {
  const attempt = (retries.get(form) ?? 0) + 1;
  retries.set(form, attempt);
  waiting.add(form);
  schedule(form, Math.min(30000, 2000 * attempt));
}

/** Keeps what the form holds now, building on the revision the screen started from. */
function remember(form) {
  const key = form.dataset.autosave;
  const revision = form.querySelector('input[name="revision"]');
  const earlier = getDraft(key);
  let base = earlier?.base ?? revision?.value ?? null;
  // After a conflict, the clerk's next edit is their answer: it builds on the newer text.
  if (form.dataset.conflictRevision) {
    base = form.dataset.conflictRevision;
    delete form.dataset.conflictRevision;
  }
  setDraft(key, { values: valuesOf(form), base, at: Date.now() });
}

function showConflict(form, text) {
  const box = form.querySelector('[data-autosave-conflict]');
  if (!box) return;
  box.replaceChildren();
  const heading = document.createElement('h4');
  heading.className = 'govuk-heading-s';
  heading.textContent = 'The newer text, saved elsewhere';
  const body = document.createElement('p');
  body.className = 'govuk-body app-pre-line';
  body.textContent = text;
  box.append(heading, body);
  box.hidden = false;
}

function hideConflict(form) {
  const box = form.querySelector('[data-autosave-conflict]');
  if (box && !box.hidden) {
    box.hidden = true;
    box.replaceChildren();
  }
}

async function save(form) {
  if (!form.isConnected) return;
  const key = form.dataset.autosave;
  const draft = getDraft(key);
  if (!draft) return;
  if (sending.has(form)) {
    schedule(form, 500);
    return;
  }
  sending.add(form);
  say(form, 'Saving…', 'saving');
  const body = new URLSearchParams();
  body.set('_csrf', form.querySelector('input[name="_csrf"]')?.value ?? '');
  const revision = form.querySelector('input[name="revision"]');
  if (revision) body.set('revision', draft.base ?? revision.value);
  for (const [name, value] of Object.entries(draft.values)) body.set(name, value);

  let response;
  let json = null;
  try {
    response = await fetch(form.action, {
      method: 'POST',
      body,
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    json = await response.json().catch(() => null);
  } catch {
    sending.delete(form);
    say(
      form,
      'Not saved yet: no connection. What you typed is kept on this device and is saved as soon as the connection returns.',
      'offline',
    );
    retryLater(form);
    return;
  }
  sending.delete(form);

  if (response.status === 401) {
    // Signed out: the draft stays on this device and is saved after signing in again.
    window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
    return;
  }
  if (response.ok && json?.ok) {
    retries.delete(form);
    waiting.delete(form);
    if (revision && json.revision !== undefined) revision.value = String(json.revision);
    const now = getDraft(key);
    if (now && same(now.values, draft.values)) dropDraft(key);
    else if (now) setDraft(key, { ...now, base: revision?.value ?? null });
    hideConflict(form);
    say(form, `Saved at ${clock()}`, 'saved');
    document.body.dispatchEvent(new CustomEvent('minutes-changed'));
    if (now && !same(now.values, draft.values)) schedule(form, 300);
    return;
  }
  const message = Object.values(json?.errors ?? {}).join(' ');
  if (response.status === 409 && json?.conflict) {
    showConflict(form, json.conflict.text);
    form.dataset.conflictRevision = String(json.conflict.revision);
    say(form, message, 'error');
    return;
  }
  // Only a busy or failing server is worth asking again; a refusal (invalid, not allowed, locked) stands.
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    say(
      form,
      'Not saved yet: the server could not save it just now. What you typed is kept on this device; trying again shortly.',
      'error',
    );
    retryLater(form);
    return;
  }
  waiting.delete(form);
  say(
    form,
    `Not saved: ${message || 'you cannot change these minutes now. Reload the page to see them as they stand.'} What you typed is kept on this device.`,
    'error',
  );
}

function setUp(root) {
  for (const form of root.querySelectorAll('form[data-autosave]')) {
    if (form.dataset.autosaveReady) continue;
    form.dataset.autosaveReady = 'true';
    const draft = getDraft(form.dataset.autosave);
    if (draft) {
      if (same(draft.values, valuesOf(form))) {
        dropDraft(form.dataset.autosave);
      } else {
        fill(form, draft.values);
        say(form, 'Restored what you typed on this device that had not been saved. Saving…', 'saving');
        schedule(form, 400);
      }
    }
    form.addEventListener('input', () => {
      remember(form);
      say(form, 'Not saved yet', 'pending');
      schedule(form, 1000);
    });
    form.addEventListener('change', () => {
      remember(form);
      schedule(form, 200);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      remember(form);
      clearTimeout(timers.get(form));
      void save(form);
    });
  }
  for (const form of root.querySelectorAll('form[data-draft]')) {
    if (form.dataset.draftReady) continue;
    form.dataset.draftReady = 'true';
    const key = form.dataset.draft;
    const draft = getDraft(key);
    if (draft && !same(draft.values, valuesOf(form)) && isBlank(valuesOf(form))) {
      fill(form, draft.values);
      form.closest('details')?.setAttribute('open', '');
    }
    const keep = () => {
      const values = valuesOf(form);
      if (isBlank(values)) dropDraft(key);
      else setDraft(key, { values, at: Date.now() });
    };
    form.addEventListener('input', keep);
    form.addEventListener('change', keep);
  }
}

// A form htmx sent and the server accepted no longer needs its draft.
document.addEventListener('htmx:after:request', (event) => {
  const form = event.target instanceof Element ? event.target.closest('form[data-draft]') : null;
  const status = event.detail?.ctx?.response?.status;
  if (form && typeof status === 'number' && status < 400) dropDraft(form.dataset.draft);
});

document.addEventListener('htmx:after:process', (event) => {
  if (event.target instanceof Element && event.target.isConnected) setUp(event.target.parentElement ?? event.target);
});

window.addEventListener('online', () => {
  for (const form of waiting) schedule(form, 100);
});

setUp(document);
