// Progressive enhancement only: every page works without it.
// A measure's slider: without this script the form shows a number field per question; with it, a
// slider beside the field. The slider starts "not answered" (its knob faded, the field empty) and
// only a person moving or tapping it fills the field, so an untouched slider sends nothing.
function answerOf(slider) {
  return document.getElementById(slider.dataset.answer);
}

function answerWith(slider) {
  const answer = answerOf(slider);
  if (answer) {
    answer.value = Number(slider.value).toFixed(1);
    slider.classList.remove('unset');
  }
}

document.querySelectorAll('input[type=range][data-answer]').forEach((slider) => {
  slider.hidden = false;
});

document.addEventListener('input', (event) => {
  const field = event.target;
  if (!field.matches) {
    return;
  }
  if (field.matches('input[type=range][data-answer]')) {
    answerWith(field);
  } else if (field.matches('.vas input[type=number]')) {
    const slider = field.parentElement.querySelector('input[type=range][data-answer]');
    const number = Number(field.value);
    if (slider && field.value !== '' && number >= 0 && number <= 10) {
      slider.value = number;
      slider.classList.remove('unset');
    } else if (slider) {
      slider.classList.add('unset');
    }
  }
});

// A tap on an untouched slider right where its knob stands changes no value, so no input event
// comes: it still answers.
document.addEventListener('pointerup', (event) => {
  const slider = event.target;
  if (slider.matches && slider.matches('input[type=range][data-answer].unset')) {
    answerWith(slider);
  }
});

// The warning before an idle session ends. The page says how many seconds its session lasts
// without another request; two minutes before that (or a quarter of the idle time, if shorter) the
// script asks the server how long is really left (another tab may have been used meanwhile) and,
// if the end is near, shows a warning with a countdown and a button to stay signed in. When the
// time is up it goes to the sign-in page, which says why. Without this script the session simply
// ends and the next request leads to the sign-in page.
(function sessionWarning() {
  const seconds = Number(document.body.dataset.sessionSeconds || 0);
  const warning = document.getElementById('session-warning');
  if (!seconds || !warning) {
    return;
  }
  const countdown = document.getElementById('session-countdown');
  const stay = document.getElementById('session-stay');
  const csrfField = document.querySelector('form[action="/logout"] input[name=_csrf]');
  const warnBefore = Math.min(120, Math.floor(seconds / 4));
  let deadline = Date.now() + seconds * 1000;
  let timer = null;
  let ticker = null;

  function signedOut() {
    window.location.assign('/login');
  }

  function schedule(secondsLeft) {
    deadline = Date.now() + secondsLeft * 1000;
    clearTimeout(timer);
    timer = setTimeout(check, Math.max(0, secondsLeft - warnBefore) * 1000);
  }

  function hide() {
    warning.hidden = true;
    clearInterval(ticker);
    ticker = null;
  }

  function tick() {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    countdown.textContent = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
  }

  function show(secondsLeft) {
    deadline = Date.now() + secondsLeft * 1000;
    warning.hidden = false;
    tick();
    if (!ticker) {
      ticker = setInterval(tick, 1000);
    }
    clearTimeout(timer);
    // At the end, ask once more: "stay signed in" may have been pressed in another tab.
    timer = setTimeout(check, secondsLeft * 1000 + 500);
    stay.focus();
  }

  // The seconds the server says are left; null once the session has ended (401).
  async function secondsLeftOnServer() {
    const answer = await fetch('/api/session', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (answer.status === 401) {
      return null;
    }
    if (!answer.ok) {
      throw new Error('status ' + answer.status);
    }
    return (await answer.json()).secondsLeft;
  }

  async function check() {
    let left;
    try {
      left = await secondsLeftOnServer();
    } catch (e) {
      // The server cannot be reached: go by this page's own count, and ask again later.
      left = Math.max(1, Math.round((deadline - Date.now()) / 1000));
    }
    if (left === null) {
      // Ended: the sign-in page says why.
      signedOut();
    } else if (left > warnBefore + 5) {
      hide();
      schedule(left);
    } else {
      // Less than a second may be left: the next look comes just after the end.
      show(Math.max(1, left));
    }
  }

  stay.addEventListener('click', async () => {
    try {
      const answer = await fetch('/api/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-CSRF-Token': csrfField ? csrfField.value : '' },
      });
      if (!answer.ok) {
        signedOut();
        return;
      }
      hide();
      schedule((await answer.json()).secondsLeft);
    } catch (e) {
      check();
    }
  });

  // A tab in the background may be woken late: look again when it is shown.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      check();
    }
  });

  schedule(seconds);
})();

// The caseload's search box filters as you type: the server filters (the same page the form's
// button asks for), and only the list is replaced. Without this script the form's button does it.
const caseloadSearch = document.getElementById('caseload-search');
if (caseloadSearch && window.fetch && window.DOMParser) {
  const form = caseloadSearch.form;
  let pending = null;
  let timer = null;
  const refresh = () => {
    const query = new URLSearchParams(new FormData(form));
    query.delete('page');
    const url = form.getAttribute('action') + '?' + query.toString();
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    fetch(url, { signal: pending.signal, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
      .then((html) => {
        const page = new DOMParser().parseFromString(html, 'text/html');
        const results = page.getElementById('caseload-results');
        const current = document.getElementById('caseload-results');
        if (results && current) {
          current.replaceWith(document.importNode(results, true));
          history.replaceState(null, '', url);
        }
      })
      .catch(() => {
        // A failed or replaced request leaves the list as it was; the button still works.
      });
  };
  caseloadSearch.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 150);
  });
}
