// Progressive enhancement only: every page works without it.
// Shows a slider's value beside it as the slider moves (the server still reads and checks the value).
document.addEventListener('input', (event) => {
  const slider = event.target;
  if (slider.matches && slider.matches('input[type=range][data-output]')) {
    const output = document.getElementById(slider.dataset.output);
    if (output) {
      output.value = Number(slider.value).toFixed(1);
    }
  }
});
