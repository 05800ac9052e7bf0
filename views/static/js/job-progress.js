// Moves the progress bar of a running evaluation without reloading the page; without this script
// the page reloads itself (a meta refresh inside <noscript>). Polls the page's own JSON model
// (data-poll) every second and reloads once the job has finished, when the server sends the
// reader on to the new draft or shows why the job failed.

const job = document.getElementById('job');

async function poll() {
  const response = await fetch(job.dataset.poll, { headers: { accept: 'application/json' } });
  if (!response.ok) return window.location.reload();
  const progress = await response.json();
  if (!progress.running) return window.location.reload();
  const message = document.getElementById('job-message');
  if (message !== null) message.textContent = progress.message;
  const bar = document.getElementById('job-progress');
  if (bar !== null) {
    bar.max = progress.total;
    bar.value = progress.done;
  }
  setTimeout(() => void poll(), 1000);
}

if (job !== null && job.dataset.poll) setTimeout(() => void poll(), 1000);
