/* The moderators' queue (moderation/admin/queue.html): keys, decisions without a page load, new comments by polling.

   Every action is an ordinary form that works without this script; with it, the form is sent
   with fetch and the header X-Kiosk-Desk, the server answers with a status and a short text,
   and the decided comment leaves the list. */
(function () {
  "use strict";

  const desk = document.querySelector("[data-desk]");
  if (!desk) return;
  const status = document.querySelector("[data-desk-status]");
  const help = document.querySelector("[data-desk-help]");
  const pollSeconds = Number(desk.dataset.pollSeconds) || 20;
  let current = null;
  let rejecting = null; // the row whose reject form waits for a rule's number

  const rows = () => Array.from(desk.querySelectorAll("[data-desk-row]"));

  function say(message) {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = message; }, 50);
  }

  function select(row, focus = true) {
    if (current) current.classList.remove("kiosk-queue__item--current");
    current = row || null;
    if (!current) return;
    current.classList.add("kiosk-queue__item--current");
    if (focus) {
      current.focus({ preventScroll: true });
      current.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    const all = rows();
    if (!all.length) return;
    const at = all.indexOf(current);
    select(all[Math.min(all.length - 1, Math.max(0, at < 0 ? 0 : at + step))]);
  }

  async function send(form) {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Kiosk-Desk": "1" },
      credentials: "same-origin",
    });
    const text = await response.text();
    return { ok: response.ok, text: text.slice(0, 500) || response.statusText };
  }

  async function decide(row, action) {
    const form = row && row.querySelector(`[data-desk-action="${action}"]`);
    if (!form) return;
    if (action === "reject") {
      const option = form.querySelector("[data-desk-reason]").selectedOptions[0];
      const note = form.querySelector("[data-desk-note]");
      if (option && option.hasAttribute("data-needs-note") && !note.value.trim()) {
        say(desk.dataset.noteNeeded || note.labels[0].textContent);
        note.focus();
        return;
      }
    }
    row.setAttribute("aria-busy", "true");
    let result;
    try {
      result = await send(form);
    } catch (error) {
      result = { ok: false, text: String(error) };
    }
    row.removeAttribute("aria-busy");
    say(result.text);
    if (!result.ok) return;
    if (action === "note") return;
    if (action === "feature") return refresh();
    const next = rows()[rows().indexOf(row) + 1] || rows()[rows().indexOf(row) - 1];
    row.remove();
    select(next);
    if (!rows().length) refresh();
  }

  function startReject(row) {
    const form = row && row.querySelector('[data-desk-action="reject"]');
    if (!form) return;
    rejecting = row;
    row.classList.add("kiosk-queue__item--rejecting");
    form.querySelector("[data-desk-reason]").focus();
  }

  function stopReject() {
    if (rejecting) rejecting.classList.remove("kiosk-queue__item--rejecting");
    rejecting = null;
  }

  // The rows again, as the server has them now: the tabs' counts change, comments decided by
  // another moderator go, new ones join at the end; what this moderator has open stays.
  async function refresh() {
    if (document.hidden) return;
    let html;
    try {
      const response = await fetch(desk.dataset.rowsUrl, { headers: { "X-Kiosk-Desk": "1" }, credentials: "same-origin" });
      if (!response.ok) return;
      html = await response.text();
    } catch (error) {
      return;
    }
    const fresh = new DOMParser().parseFromString(html, "text/html");
    fresh.querySelectorAll("[data-count]").forEach((count) => {
      const here = desk.querySelector(`[data-count="${count.dataset.count}"]`);
      if (here) here.textContent = count.textContent;
    });
    const list = desk.querySelector("[data-desk-rows]");
    const freshRows = Array.from(fresh.querySelectorAll("[data-desk-row]"));
    const known = new Set(freshRows.map((row) => row.dataset.id));
    rows().forEach((row) => {
      const busy = row === current || row === rejecting || row.contains(document.activeElement);
      if (!known.has(row.dataset.id) && !busy) row.remove();
    });
    const shown = new Set(rows().map((row) => row.dataset.id));
    freshRows.forEach((row) => {
      if (!shown.has(row.dataset.id)) list.append(document.importNode(row, true));
    });
    const empty = desk.querySelector(".kiosk-desk-empty");
    if (empty) empty.hidden = rows().length > 0;
    if (!current && rows().length) select(rows()[0], false);
  }

  desk.addEventListener("submit", (event) => {
    const form = event.target.closest("[data-desk-action]");
    if (!form) return; // the bulk form: an ordinary post and a new page
    event.preventDefault();
    decide(form.closest("[data-desk-row]"), form.dataset.deskAction);
  });

  desk.addEventListener("focusin", (event) => {
    const row = event.target.closest("[data-desk-row]");
    if (row && row !== current) select(row, false);
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (event.key === "Escape") {
      if (rejecting) {
        const row = rejecting;
        stopReject();
        select(row);
      }
      return;
    }
    if (rejecting && /^[1-9]$/.test(event.key) && event.target.matches("[data-desk-reason]")) {
      const select_ = event.target;
      const option = select_.options[Number(event.key) - 1];
      if (!option) return;
      event.preventDefault();
      select_.value = option.value;
      const row = rejecting;
      if (option.hasAttribute("data-needs-note")) {
        row.querySelector("[data-desk-note]").focus();
      } else {
        stopReject();
        decide(row, "reject");
      }
      return;
    }
    if (rejecting && event.key === "Enter" && event.target.closest('[data-desk-action="reject"]')) {
      event.preventDefault();
      const row = rejecting;
      stopReject();
      decide(row, "reject");
      return;
    }
    if (typing) return;
    const row = current;
    const keys = {
      j: () => move(1),
      k: () => move(-1),
      a: () => decide(row, "approve"),
      r: () => startReject(row),
      f: () => decide(row, "feature"),
      b: () => { if (row && row.dataset.blockUrl) window.location.assign(row.dataset.blockUrl); },
      o: () => { if (row) window.open(row.dataset.articleUrl, "_blank", "noopener"); },
      x: () => {
        const tick = row && row.querySelector("[data-desk-tick]");
        if (tick) tick.checked = !tick.checked;
      },
      "?": () => { if (help.open) help.close(); else help.showModal(); },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    if (!row && event.key !== "?" && event.key !== "j" && event.key !== "k") return;
    action();
  });

  select(rows()[0], false);
  window.setInterval(refresh, pollSeconds * 1000);
})();
