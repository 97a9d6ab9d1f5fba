// Small browser helpers the Blazor components call through JS interop.
window.workflows = {
    getTheme: () => {
        const match = document.cookie.match(/(?:^|; )wf-theme=([^;]*)/);
        return match ? decodeURIComponent(match[1]) : null;
    },
    setTheme: (value) => {
        document.cookie = `wf-theme=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
    },
    focusTask: (taskId) => {
        const element = document.querySelector(`.wf-task[data-task="${CSS.escape(taskId)}"]`);
        if (element) {
            element.classList.add('wf-task-focus');
            element.scrollIntoView({ behavior: 'smooth', block: 'center' });
        }
    },
    downloadText: (fileName, contentType, text) => {
        const blob = new Blob([text], { type: contentType });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
    },
    // Ctrl+S (or Cmd+S) saves the workflow instead of the browser saving the page.
    builderShortcuts: (dotnet) => {
        const handler = (e) => {
            if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
                e.preventDefault();
                dotnet.invokeMethodAsync('SaveFromKeyboard');
            }
        };
        document.addEventListener('keydown', handler);
        return { dispose: () => document.removeEventListener('keydown', handler) };
    },
};
