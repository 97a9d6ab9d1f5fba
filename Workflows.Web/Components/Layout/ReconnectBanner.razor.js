// While the connection is down the page below the banner is inert: a click or key press there could not reach the
// server, so it must not look accepted. When the circuit is back the page is live again in the state the server holds;
// when the server no longer has the circuit (a restart or a new deploy), the page reloads on the same address, which
// holds the view (dashboard filters, record, tab).
const banner = document.getElementById("components-reconnect-modal");
banner.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);
banner.querySelector("[data-reload]").addEventListener("click", () => location.reload());

const shownStates = ["components-reconnect-show", "components-reconnect-retrying", "components-reconnect-failed",
    "components-reconnect-paused", "components-reconnect-resume-failed"];

function setPageInert(inert) {
    for (const element of document.body.children) {
        if (element !== banner && element.tagName !== "SCRIPT") {
            element.inert = inert;
            element.classList.toggle("wf-offline", inert);
        }
    }
}

function onStateChanged(event) {
    const state = event.detail.state;
    if (state === "hide") {
        setPageInert(false);
        document.removeEventListener("visibilitychange", retryWhenVisible);
    } else if (state === "rejected") {
        location.reload();
    } else {
        setPageInert(true);
        if (state === "failed") {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but no longer has this circuit; a throw: not reachable.
        const reconnected = await Blazor.reconnect();
        if (!reconnected) {
            await resume();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!(await Blazor.resumeCircuit())) {
            location.reload();
            return;
        }
        setPageInert(false);
        banner.classList.remove(...shownStates);
    } catch {
        banner.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
