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
