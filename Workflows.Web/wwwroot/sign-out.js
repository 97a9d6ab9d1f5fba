// Submits the log-out form as soon as the page loads (a file, not inline script, so the page runs under the CSP).
document.getElementById('sign-out-form')?.submit();
