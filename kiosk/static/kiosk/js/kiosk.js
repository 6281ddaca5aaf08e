/*
 * Kiosk reader site: progressive enhancement only.
 *
 * Every feature works without this file (see the templates); this adds
 * comfort where the browser can do more. No dependencies, no inline
 * scripts, nothing loaded from other hosts.
 */
"use strict";

(() => {
  /* ---------------------------------------------------------- galleries */

  const galleries = [];

  /** The slide id a link or location hash names, or "" if it names none. */
  function idFromHash(hash) {
    try {
      return decodeURIComponent(String(hash || "").replace(/^#/, ""));
    } catch {
      return "";
    }
  }

  /**
   * One slide at a time with a Previous/Next button pair, arrow keys,
   * swipe, a live counter and the slide in the URL hash.
   */
  function enhanceGallery(root) {
    const track = root.querySelector("[data-gallery-track]");
    const status = root.querySelector("[data-gallery-status]");
    const slides = Array.from(root.querySelectorAll("[data-gallery-slide]"));
    if (!track || slides.length < 2) {
      return null; // a single picture needs no controls
    }

    // The template's links carry the translated wording; reuse it for the buttons.
    const label = (selector, fallback) => {
      const link = root.querySelector(selector);
      return (link && link.textContent.trim()) || fallback;
    };
    const prevLabel = label(".gallery__prev", "Previous image");
    const nextLabel = label(".gallery__next", "Next image");

    // The per-slide links stay in the page (hidden) as the no-JS fallback.
    for (const nav of root.querySelectorAll(".gallery__nav")) {
      nav.hidden = true;
    }

    const makeButton = (direction, text) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `gallery__button gallery__button--${direction}`;
      button.setAttribute(`data-gallery-${direction}`, "");
      const name = document.createElement("span");
      name.className = "visually-hidden";
      name.textContent = text;
      button.append(name);
      return button;
    };
    const prev = makeButton("prev", prevLabel);
    const next = makeButton("next", nextLabel);

    const arrows = document.createElement("div");
    arrows.className = "gallery__arrows";
    arrows.append(prev, next);
    const stage = document.createElement("div");
    stage.className = "gallery__stage";
    track.before(stage);
    stage.append(arrows, track);

    // The strip no longer scrolls, so it need not be a tab stop of its own.
    track.removeAttribute("tabindex");
    root.classList.add("is-enhanced");

    const last = slides.length - 1;
    let current = 0;

    function preload(index) {
      const slide = slides[index];
      const img = slide && slide.querySelector("img[loading='lazy']");
      if (img) {
        img.loading = "eager";
      }
    }

    function show(index, { updateHash = true } = {}) {
      const target = Math.max(0, Math.min(last, index));
      current = target;
      slides.forEach((slide, i) => {
        slide.hidden = i !== target;
      });

      // A button that is about to be disabled would drop keyboard focus to
      // the page; hand it to the other button so the keys keep working.
      const focused = document.activeElement;
      prev.disabled = target === 0;
      next.disabled = target === last;
      if (focused === prev && prev.disabled) {
        next.focus();
      } else if (focused === next && next.disabled) {
        prev.focus();
      }

      const text = `${target + 1} / ${slides.length}`;
      const counter = slides[target].querySelector(".gallery__counter");
      if (counter && !counter.textContent.includes(text)) {
        counter.textContent = text;
      }
      if (status && status.textContent !== text) {
        status.textContent = text;
      }
      preload(target + 1);
      if (updateHash && slides[target].id) {
        history.replaceState(history.state, "", `#${slides[target].id}`);
      }
    }

    const go = (index) => {
      if (index >= 0 && index <= last && index !== current) {
        show(index);
      }
    };

    const indexForHash = (hash) => {
      const id = idFromHash(hash);
      return id ? slides.findIndex((slide) => slide.id === id) : -1;
    };

    prev.addEventListener("click", () => go(current - 1));
    next.addEventListener("click", () => go(current + 1));

    // Any link left inside the gallery that points at one of its slides.
    root.addEventListener("click", (event) => {
      const link = event.target.closest("a[href*='#']");
      if (!link || !root.contains(link) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      const url = new URL(link.href, window.location.href);
      if (url.origin + url.pathname + url.search !== window.location.origin + window.location.pathname + window.location.search) {
        return;
      }
      const index = indexForHash(url.hash);
      if (index >= 0) {
        event.preventDefault();
        go(index);
      }
    });

    root.addEventListener("keydown", (event) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      if (event.target.closest("input, textarea, select, [contenteditable]")) {
        return;
      }
      const keys = {
        ArrowLeft: current - 1,
        ArrowRight: current + 1,
        Home: 0,
        End: last,
      };
      if (!(event.key in keys)) {
        return;
      }
      event.preventDefault();
      go(keys[event.key]);
    });

    // Swipe on touch screens; a pinch or a mostly vertical move is left alone.
    let touchStart = null;
    track.addEventListener(
      "touchstart",
      (event) => {
        touchStart = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
      },
      { passive: true },
    );
    track.addEventListener(
      "touchend",
      (event) => {
        if (!touchStart || event.changedTouches.length !== 1) {
          touchStart = null;
          return;
        }
        const dx = event.changedTouches[0].clientX - touchStart.x;
        const dy = event.changedTouches[0].clientY - touchStart.y;
        touchStart = null;
        if (Math.abs(dx) > 40 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
          go(current + (dx < 0 ? 1 : -1));
        }
      },
      { passive: true },
    );

    // Set the counter before the live region appears, so nothing is announced on load.
    const fromHash = indexForHash(window.location.hash);
    show(fromHash >= 0 ? fromHash : 0, { updateHash: false });
    if (status) {
      status.hidden = false;
    }
    if (fromHash >= 0) {
      root.scrollIntoView({ block: "start" });
    }

    return {
      /** Show the slide a link elsewhere on the page points to; true if it is ours. */
      openFromHash(hash) {
        const index = indexForHash(hash);
        if (index < 0) {
          return false;
        }
        show(index, { updateHash: false });
        root.scrollIntoView({ block: "start" });
        return true;
      },
    };
  }

  for (const root of document.querySelectorAll("[data-gallery]")) {
    const gallery = enhanceGallery(root);
    if (gallery) {
      galleries.push(gallery);
    }
  }

  if (galleries.length) {
    window.addEventListener("hashchange", () => {
      galleries.some((gallery) => gallery.openFromHash(window.location.hash));
    });
  }

  /* -------------------------------------------------------------- share */

  if (typeof navigator.share === "function") {
    for (const box of document.querySelectorAll("[data-share]")) {
      const item = box.querySelector(".share__native");
      const button = box.querySelector("[data-share-native]");
      if (!item || !button) {
        continue;
      }
      const data = {
        title: box.dataset.shareTitle || document.title,
        url: box.dataset.shareUrl || window.location.href,
      };
      if (typeof navigator.canShare === "function" && !navigator.canShare(data)) {
        continue;
      }
      item.hidden = false;
      button.addEventListener("click", () => {
        navigator.share(data).catch((error) => {
          // AbortError: the reader closed the share sheet. Anything else leaves
          // the plain share links, which are still there, as the way to share.
          if (error && error.name === "AbortError") {
            return;
          }
        });
      });
    }
  }

  /* -------------------------------------------------------- phone menu */

  // Without this the menu link opens the menu through its #target and the
  // search link goes to the search page; with it the link is a toggle that
  // keeps the address as it is, and the search link opens the menu at its field.
  const menu = document.querySelector("[data-menu]");
  const menuToggle = document.querySelector("[data-menu-toggle]");
  if (menu && menuToggle) {
    const openLabel = menuToggle.textContent.trim();
    const label = menuToggle.querySelector(".visually-hidden");
    const setOpen = (open) => {
      menu.classList.toggle("is-open", open);
      menuToggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (label) {
        label.textContent = open ? (menuToggle.dataset.closeLabel || openLabel) : openLabel;
      }
    };
    menuToggle.setAttribute("role", "button");
    menu.classList.add("is-enhanced"); // from now on the class, not the #target, opens it
    setOpen(window.location.hash === "#site-menu");
    menuToggle.addEventListener("click", (event) => {
      event.preventDefault();
      setOpen(menuToggle.getAttribute("aria-expanded") !== "true");
    });
    // A link in the role of a button answers the space bar too.
    menuToggle.addEventListener("keydown", (event) => {
      if (event.key === " ") {
        event.preventDefault();
        menuToggle.click();
      }
    });
    const close = menu.querySelector(".site-header__menu-close");
    if (close) {
      close.addEventListener("click", (event) => {
        event.preventDefault();
        setOpen(false);
        menuToggle.focus();
      });
    }
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        setOpen(false);
        menuToggle.focus();
      }
    });
    const searchLink = document.querySelector("[data-menu-search]");
    const searchField = menu.querySelector("input[name=q]");
    if (searchLink && searchField) {
      searchLink.addEventListener("click", (event) => {
        event.preventDefault();
        setOpen(true);
        searchField.focus();
      });
    }
  }

  /* ------------------------------------------------------------- embeds */

  // Nothing is fetched from the provider until the reader asks for it.
  for (const embed of document.querySelectorAll("[data-embed]")) {
    const template = embed.querySelector("template[data-embed-html]");
    const button = embed.querySelector("[data-embed-load]");
    const consent = embed.querySelector(".embed__consent");
    if (!template || !button || !consent || !("content" in template)) {
      continue;
    }
    button.hidden = false;
    button.addEventListener(
      "click",
      () => {
        const content = document.createElement("div");
        content.className = "embed__content";
        content.tabIndex = -1;
        content.append(document.importNode(template.content, true));
        consent.replaceWith(content);
        template.remove();
        embed.classList.add("embed--loaded");
        // The button is gone; keep keyboard focus where the reader was.
        content.focus({ preventScroll: true });
      },
      { once: true },
    );
  }
  /* ----------------------------------------------------------- comments */

  // The forms post and redirect without this; with it, posting, liking,
  // reporting and dismissing notices happen in place, through the JSON API
  // (/api/, the one JSON interface), with the form's CSRF token.
  const comments = document.querySelector("[data-comments]");
  if (comments && window.fetch) {
    const failure = comments.dataset.errorMessage || "Error";

    const call = async (method, path, form, body) => {
      const token = form.querySelector("input[name=csrfmiddlewaretoken]");
      const headers = { Accept: "application/json", "X-CSRFToken": token ? token.value : "" };
      if (body !== undefined) {
        headers["Content-Type"] = "application/json";
      }
      const response = await fetch("/api/" + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
      });
      let data = {};
      if (response.status !== 204) {
        try {
          data = await response.json();
        } catch {
          data = { message: failure };
        }
      }
      if (response.status === 401 && comments.dataset.loginUrl) {
        window.location.assign(comments.dataset.loginUrl + "?next=" +
          encodeURIComponent(window.location.pathname + "#comments"));
      }
      return { ok: response.ok, data };
    };

    // "13.09.2023, 10:36" in Zurich time, as the page writes it under a comment
    // (kiosk.newsroom.formatting.local_datetime: French joins date and time with a space).
    const joiner = document.documentElement.lang.toLowerCase().startsWith("fr") ? " " : ", ";
    const stamp = (iso) => {
      const parts = {};
      const format = new Intl.DateTimeFormat("de-CH", {
        timeZone: "Europe/Zurich", day: "2-digit", month: "2-digit", year: "numeric",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      });
      for (const part of format.formatToParts(new Date(iso))) {
        parts[part.type] = part.value;
      }
      return `${parts.day}.${parts.month}.${parts.year}${joiner}${parts.hour}:${parts.minute}`;
    };

    // The just-sent comment, from the page's own template of one (awaiting review, or published at once).
    const freshComment = (form, data) => {
      const template = comments.querySelector(`template[data-fresh-comment][data-status="${data.status}"]`) ||
        comments.querySelector("template[data-fresh-comment]");
      if (!template) {
        return null;
      }
      const item = document.createElement("li");
      item.innerHTML = template.innerHTML.split(template.dataset.id).join(String(Number(data.id)));
      item.querySelector(".comment__text").innerHTML = data.html; // sanitised by the server
      const time = item.querySelector("time");
      time.setAttribute("datetime", data.created_at);
      time.textContent = stamp(data.created_at);
      if (form.dataset.replyLabel) {
        const reply = document.createElement("span");
        reply.textContent = form.dataset.replyLabel;
        time.after(" ", reply);
      }
      return item;
    };

    // A comment published at once goes where everyone reads it: a reply after its thread's replies,
    // a comment at the top of the thread. False where the page has no thread to put it in yet.
    const showInThread = (form, item) => {
      if (!item) {
        return false;
      }
      const parent = form.closest(".comments__thread .comment-list > li");
      if (parent) {
        let replies = parent.querySelector(":scope > .comment-list--replies");
        if (!replies) {
          replies = document.createElement("ol");
          replies.className = "comment-list comment-list--replies";
          parent.append(replies);
        }
        replies.append(item);
        return true;
      }
      const thread = comments.querySelector(".comments__thread > .comment-list");
      if (!thread) {
        return false;
      }
      thread.prepend(item);
      return true;
    };

    const say = (form, text, isError) => {
      const status = form.querySelector("[data-form-status]");
      if (status) {
        status.textContent = text || "";
        status.classList.toggle("comment-form__status--error", Boolean(isError));
      }
    };

    const busy = (form, on) => {
      for (const button of form.querySelectorAll("button")) {
        button.disabled = on;
      }
      form.setAttribute("aria-busy", on ? "true" : "false");
    };

    const field = (form, name) => {
      const input = form.querySelector(`[name=${name}]:checked`) || form.querySelector(`[name=${name}]`);
      return input ? input.value : "";
    };

    const actions = {
      async comment(form) {
        const parent = field(form, "parent");
        const body = { text: field(form, "text") };
        if (parent) {
          body.parent_id = Number(parent);
        }
        const { ok, data } = await call("POST", `articles/${form.dataset.article}/comments`, form, body);
        if (!ok) {
          return data.message;
        }
        if (data.status === "rejected") {
          // Refused at once by the house rules: the reader keeps the text to rewrite it.
          return data.rejection_note;
        }
        const item = freshComment(form, data);
        const published = data.status === "published";
        if (published) {
          // Published at once (post-moderation, a trusted author): in the thread, where others read it.
          if (!showInThread(form, item)) {
            window.location.assign(data.permalink); // the first comment: the page shows it in a thread
            return null;
          }
        } else {
          const list = comments.querySelector("[data-own-comments]");
          if (list && item) {
            list.prepend(item);
            list.hidden = false;
          }
        }
        form.reset();
        const details = form.closest("details");
        const place = details && details.parentElement.querySelector("[data-reply-status]");
        if (place) {
          // The reply form folds away; the thanks stand where it was, and focus with them
          // (the send button, disabled while sending, has let it fall to the page).
          details.open = false;
          place.textContent = published ? comments.dataset.replyPublishedMessage : comments.dataset.replyPostedMessage;
          place.focus();
          // (The toggle event of this very closing comes later, hence not { once: true }.)
          const clear = () => {
            if (details.open) {
              place.textContent = "";
              details.removeEventListener("toggle", clear);
            }
          };
          details.addEventListener("toggle", clear);
        } else {
          say(form, published ? comments.dataset.publishedMessage : comments.dataset.postedMessage);
          const status = form.querySelector("[data-form-status]");
          if (status) {
            status.tabIndex = -1;
            status.focus();
          }
        }
        return null;
      },
      async like(form) {
        const liking = field(form, "action") !== "unlike";
        const id = form.dataset.comment;
        const { ok, data } = await call(liking ? "POST" : "DELETE", `comments/${id}/like`, form);
        if (!ok) {
          return data.message;
        }
        // The same comment may show twice: among the most liked and in the thread.
        for (const other of comments.querySelectorAll(`form[data-like-form][data-comment="${id}"]`)) {
          other.querySelector("[data-like-count]").textContent = String(data.count);
          other.querySelector("button").setAttribute("aria-pressed", data.liked ? "true" : "false");
          other.querySelector("input[name=action]").value = data.liked ? "unlike" : "like";
        }
        return null;
      },
      async report(form) {
        const body = { reason: field(form, "reason"), note: field(form, "note") };
        const { ok, data } = await call("POST", `comments/${form.dataset.comment}/reports`, form, body);
        if (!ok) {
          return data.message;
        }
        const details = form.closest("details");
        const done = document.createElement("span");
        done.className = "comment__reported";
        done.setAttribute("role", "status");
        done.textContent = comments.dataset.reportedMessage;
        (details || form).replaceWith(done);
        return null;
      },
      async seen(form) {
        const { ok, data } = await call("POST", `articles/${comments.dataset.article}/comments/seen`, form);
        if (!ok) {
          return data.message;
        }
        form.closest(".comments__notice").remove();
        return null;
      },
    };

    comments.addEventListener("submit", async (event) => {
      const form = event.target;
      const kind = ["comment", "like", "report", "seen"].find((name) => form.matches(`[data-${name}-form]`));
      if (!kind) {
        return;
      }
      event.preventDefault();
      busy(form, true);
      say(form, "");
      try {
        const error = await actions[kind](form);
        if (error !== null) {
          say(form, error || failure, true);
        }
      } catch {
        say(form, failure, true);
      } finally {
        if (form.isConnected) {
          busy(form, false);
        }
      }
    });
  }

  /* ----------------------------------------------------- relative times */

  // "vor 12 Minuten" in a page the cache keeps for a while: said afresh each
  // minute from the datetime attribute, in the page's language, with the same
  // CLDR words as the server (kiosk.newsroom.formatting.relative_time). Past
  // the relative hours the absolute time, which the title holds, takes over.
  const relativeTimes = document.querySelectorAll("time[data-relative]");
  if (relativeTimes.length && typeof Intl === "object" && Intl.RelativeTimeFormat) {
    let words = null;
    try {
      words = new Intl.RelativeTimeFormat(document.documentElement.lang || undefined, { numeric: "always" });
    } catch {
      words = null; // an unknown language tag: the server's words stay
    }
    const MINUTE = 60 * 1000;
    const HOUR = 60 * MINUTE;
    // Says each time afresh; returns when the first of them will read differently.
    const say = () => {
      const now = Date.now();
      let soonest = now + MINUTE;
      for (const time of relativeTimes) {
        const at = Date.parse(time.getAttribute("datetime"));
        const hours = Number(time.dataset.relativeHours);
        if (Number.isNaN(at) || !hours) {
          continue;
        }
        const age = Math.max(0, now - at);
        let text;
        let step = MINUTE;
        if (age >= hours * HOUR) {
          text = time.title;
          step = 0;
        } else if (age < MINUTE) {
          text = time.dataset.justNow;
        } else if (age < HOUR) {
          text = words.format(-Math.floor(age / MINUTE), "minute");
        } else {
          text = words.format(-Math.floor(age / HOUR), "hour");
          step = HOUR;
        }
        if (text && time.textContent !== text) {
          time.textContent = text;
        }
        if (step) {
          soonest = Math.min(soonest, at + (Math.floor(age / step) + 1) * step);
        }
      }
      return soonest;
    };
    const tick = () => {
      const next = say();
      window.setTimeout(tick, Math.max(1000, next - Date.now() + 50));
    };
    if (words) {
      tick();
    }
  }

  /* ----------------------------------------------------------- donations */

  // The thank-you page says "being confirmed" until the provider's webhook
  // arrives, usually seconds later; it asks again a few times and says the
  // news in place (role=status). Without this, a link reloads the page.
  const pending = document.querySelector('[data-donation-status="pending"]');
  if (pending && window.fetch && window.DOMParser) {
    let tries = 0;
    const ask = async () => {
      tries += 1;
      try {
        const response = await fetch(window.location.href, { credentials: "same-origin" });
        const fresh = new DOMParser()
          .parseFromString(await response.text(), "text/html")
          .querySelector("[data-donation-status]");
        if (fresh && fresh.dataset.donationStatus !== "pending") {
          const shown = pending.querySelector("[data-donation-news]");
          shown.replaceChildren(...fresh.querySelector("[data-donation-news]").childNodes);
          pending.dataset.donationStatus = fresh.dataset.donationStatus;
          return;
        }
      } catch {
        // The next try, or the reader's own reload, will tell.
      }
      if (tries < 20) {
        window.setTimeout(ask, 3000);
      }
    };
    window.setTimeout(ask, 2000);
  }
  /* -------------------------------------------------------------- search */

  // Headline suggestions under a search field (the ARIA combobox pattern with a
  // listbox): typing asks the API (/api/search/headlines), arrow keys move through
  // the suggestions, Enter opens the chosen article, Escape closes the list. Without
  // this the field is a plain search box in a GET form.
  const SUGGEST_MIN_CHARS = 2;
  const SUGGEST_DELAY = 150;
  let suggestCount = 0;

  function enhanceSearchField(input) {
    const endpoint = input.dataset.searchAutocomplete;
    if (!endpoint || !window.fetch || !window.AbortController) {
      return;
    }
    suggestCount += 1;
    const listId = `search-suggestions-${suggestCount}`;
    const list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent.trim() : "");
    list.hidden = true;
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    const holder = input.closest(".search-form__query, .site-search") || input.parentElement;
    holder.classList.add("has-suggestions");
    holder.append(list, status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    let options = [];
    let active = -1;
    let timer = 0;
    let pending = null;
    let asked = "";

    const close = () => {
      list.hidden = true;
      list.replaceChildren();
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    };

    const highlight = (index) => {
      active = index;
      options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };

    const open = (suggestions) => {
      list.replaceChildren();
      options = suggestions.map((suggestion, i) => {
        const option = document.createElement("li");
        option.id = `${listId}-${i}`;
        option.className = "search-suggestions__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        option.textContent = suggestion.title; // text, never markup
        option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the field
        option.addEventListener("click", () => window.location.assign(option.dataset.url));
        list.append(option);
        return option;
      });
      active = -1;
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      const template = input.dataset.searchStatusTemplate || "%(count)s";
      status.textContent = options.length ? template.replace("%(count)s", String(options.length)) : "";
    };

    const ask = async () => {
      const text = input.value.trim();
      if (text.length < SUGGEST_MIN_CHARS) {
        asked = "";
        close();
        return;
      }
      if (text === asked) {
        return;
      }
      asked = text;
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      try {
        const response = await fetch(`${endpoint}?q=${encodeURIComponent(text)}`, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: pending.signal,
        });
        if (!response.ok) {
          close(); // rate-limited or refused: the form still searches
          return;
        }
        const data = await response.json();
        if (input.value.trim() === text && document.activeElement === input) {
          open(Array.isArray(data.suggestions) ? data.suggestions : []);
        }
      } catch {
        // Aborted by the next keystroke, or offline: the form still works.
      }
    };

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, SUGGEST_DELAY);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options.length) {
          return;
        }
        event.preventDefault();
        // Past either end the field itself is active again, as the reader typed it.
        let next = active + (event.key === "ArrowDown" ? 1 : -1);
        if (next >= options.length) {
          next = -1;
        } else if (next < -1) {
          next = options.length - 1;
        }
        highlight(next);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].dataset.url);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", () => window.setTimeout(close, 100));
  }

  for (const input of document.querySelectorAll("input[data-search-autocomplete]")) {
    enhanceSearchField(input);
  }
})();
