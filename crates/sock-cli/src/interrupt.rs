//! Ctrl-C and SIGTERM as a pollable fd (signalfd), so that the long-running tools (`can
//! check`, `can bcm`) finish their work — a summary, a clean stop — instead of dying. The
//! signals are blocked in the calling thread (and threads it starts later) while an
//! [`Interrupt`] lives.

use std::os::fd::{AsFd, BorrowedFd};

use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};

/// SIGINT and SIGTERM, readable on an fd.
pub(crate) struct Interrupt {
    fd: Option<SignalFd>,
    mask: SigSet,
}

impl Interrupt {
    /// Catches SIGINT and SIGTERM from now on (if the kernel refuses, they keep their
    /// default action: the process ends).
    pub(crate) fn catch() -> Interrupt {
        let mut mask = SigSet::empty();
        mask.add(Signal::SIGINT);
        mask.add(Signal::SIGTERM);
        let fd = mask
            .thread_block()
            .ok()
            .and_then(|()| SignalFd::with_flags(&mask, SfdFlags::SFD_NONBLOCK | SfdFlags::SFD_CLOEXEC).ok());
        Interrupt { fd, mask }
    }

    /// The fd that becomes readable on a signal.
    pub(crate) fn fd(&self) -> Option<BorrowedFd<'_>> {
        self.fd.as_ref().map(|f| f.as_fd())
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        let _ = self.mask.thread_unblock();
    }
}
