//! A stop signal that wakes every thread polling a socket: one end of a UNIX socketpair
//! becomes readable (and stays so) once [`Stop::signal`] writes a byte to the other.

use std::io;
use std::os::fd::BorrowedFd;
use std::time::Duration;

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use sock::Socket;

/// The stop signal of one relay.
pub(crate) struct Stop {
    tx: Socket,
    rx: Socket,
}

/// What a wait for readability ended with.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Woke {
    /// The watched fd is readable (or has an error or hang-up to report).
    Ready,
    /// The stop signal was given.
    Stopped,
    /// The timeout passed.
    TimedOut,
}

impl Stop {
    /// A fresh, unsignalled stop.
    pub(crate) fn new() -> io::Result<Stop> {
        let (tx, rx) = sock::socketpair()?;
        Ok(Stop { tx, rx })
    }

    /// Wakes every waiter, now and later.
    pub(crate) fn signal(&self) {
        let _ = self.tx.send(b"!");
    }

    /// Waits until `fd` is readable, the stop is signalled, or `timeout` passes.
    pub(crate) fn wait(&self, fd: BorrowedFd<'_>, timeout: Option<Duration>) -> io::Result<Woke> {
        let ms = match timeout {
            None => PollTimeout::NONE,
            Some(t) => PollTimeout::try_from(t.as_millis().min(i32::MAX as u128) as i32).unwrap_or(PollTimeout::MAX),
        };
        loop {
            let mut fds = [PollFd::new(fd, PollFlags::POLLIN), PollFd::new(self.rx.as_fd(), PollFlags::POLLIN)];
            match poll(&mut fds, ms) {
                Ok(0) => return Ok(Woke::TimedOut),
                Ok(_) => {
                    if fds[1].revents().is_some_and(|r| !r.is_empty()) {
                        return Ok(Woke::Stopped);
                    }
                    return Ok(Woke::Ready);
                }
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(io::Error::from(e)),
            }
        }
    }
}
