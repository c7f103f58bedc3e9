//! The call loop behind every blocking operation: syscall first, `poll` only after `EAGAIN`,
//! one deadline for the whole call, `EINTR` retried.

use std::io;
use std::os::fd::BorrowedFd;
use std::time::{Duration, Instant};

use nix::poll::{PollFd, PollFlags, PollTimeout};

use crate::error::{is_interrupted, is_would_block, timed_out};
use crate::mode::Mode;

/// Which readiness a call waits for.
///
/// ```
/// use sock::wait::{poll_once, Interest};
/// use sock::{Family, Socket, Type};
/// use std::time::Duration;
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// assert!(poll_once(a.as_fd(), Interest::Write, Some(Duration::ZERO))?); // room to write
/// assert!(!poll_once(a.as_fd(), Interest::Read, Some(Duration::ZERO))?); // nothing to read
/// b.send(b"x")?;
/// assert!(poll_once(a.as_fd(), Interest::Read, Some(Duration::ZERO))?);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interest {
    /// `POLLIN`: data to read or a connection to accept.
    Read,
    /// `POLLOUT`: room to write, or a connect that completed.
    Write,
}

impl Interest {
    fn flags(self) -> PollFlags {
        match self {
            Interest::Read => PollFlags::POLLIN,
            Interest::Write => PollFlags::POLLOUT,
        }
    }
}

/// One deadline shared by every wait of a call (and by every chunk of `send_all`). It starts
/// the first time a wait is needed, so a call whose syscall succeeds never reads the clock.
///
/// ```
/// use sock::wait::{Deadline, Interest};
/// use sock::{Family, Socket, Type};
/// use std::time::Duration;
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// a.set_timeout(Some(Duration::from_millis(50)))?;
/// b.send(b"one")?;
/// // Two receives that must both finish within the socket's one timeout:
/// let mut deadline = Deadline::new();
/// let mut buf = [0u8; 8];
/// let n = a.call_with_deadline("first", Interest::Read, &mut deadline, || a.recv_with_flags(&mut buf, sock::MsgFlags::DONTWAIT))?;
/// assert_eq!(n, 3);
/// let e = a.call_with_deadline("second", Interest::Read, &mut deadline, || a.recv_with_flags(&mut buf, sock::MsgFlags::DONTWAIT)).unwrap_err();
/// assert_eq!(e.to_string(), "second: timed out");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    /// A deadline not yet started.
    ///
    /// ```
    /// use sock::wait::Deadline;
    /// use std::time::Duration;
    /// let mut d = Deadline::new(); // not started: creating it reads no clock
    /// assert!(d.remaining(Duration::from_secs(60)).is_some()); // starts now
    /// ```
    pub fn new() -> Self {
        Deadline(None)
    }

    /// The time left of `timeout`, starting the deadline now if it has not started; `None`
    /// once it has passed.
    ///
    /// ```
    /// use sock::wait::Deadline;
    /// use std::time::Duration;
    /// let mut d = Deadline::new();
    /// let left = d.remaining(Duration::from_secs(10)).unwrap();
    /// assert!(left <= Duration::from_secs(10));
    /// std::thread::sleep(Duration::from_millis(5));
    /// assert!(d.remaining(Duration::from_secs(10)).unwrap() < left); // the same deadline
    /// assert_eq!(Deadline::new().remaining(Duration::ZERO), None);
    /// ```
    pub fn remaining(&mut self, timeout: Duration) -> Option<Duration> {
        let now = Instant::now();
        let end = *self
            .0
            .get_or_insert_with(|| now.checked_add(timeout).unwrap_or(now + Duration::from_secs(u32::MAX as u64)));
        end.checked_duration_since(now).filter(|d| !d.is_zero())
    }
}

/// Milliseconds for `poll(2)`: rounded up so a wait never ends early, clamped to `i32::MAX`
/// (about 24.8 days) instead of overflowing, as CPython does since gh-126876.
///
/// ```
/// use sock::wait::poll_millis;
/// use std::time::Duration;
/// assert_eq!(poll_millis(Duration::from_micros(1500)), 2); // rounded up
/// assert_eq!(poll_millis(Duration::from_secs(u64::MAX)), i32::MAX); // clamped
/// ```
pub fn poll_millis(d: Duration) -> i32 {
    let ms = d.as_nanos().div_ceil(1_000_000);
    i32::try_from(ms).unwrap_or(i32::MAX)
}

/// Waits until `fd` is ready for `interest` or `timeout` (`None`: forever) passes.
/// Returns `Ok(true)` when ready, `Ok(false)` on timeout; `EINTR` is returned to the caller.
///
/// ```
/// use sock::wait::{poll_once, Interest};
/// use sock::{Family, Socket, Type};
/// use std::time::Duration;
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// assert!(!poll_once(a.as_fd(), Interest::Read, Some(Duration::from_millis(10)))?); // timed out
/// b.send(b"x")?;
/// assert!(poll_once(a.as_fd(), Interest::Read, None)?);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn poll_once(fd: BorrowedFd<'_>, interest: Interest, timeout: Option<Duration>) -> io::Result<bool> {
    let mut fds = [PollFd::new(fd, interest.flags())];
    let timeout = match timeout {
        None => PollTimeout::NONE,
        Some(d) => PollTimeout::try_from(poll_millis(d)).unwrap_or(PollTimeout::MAX),
    };
    let n = nix::poll::poll(&mut fds, timeout).map_err(io::Error::from)?;
    Ok(n > 0)
}

/// Runs `op` in `mode` on `fd`: retries `EINTR`; in timeout mode waits on `EAGAIN` with the
/// time left of `deadline` and fails with `TimedOut` (its message naming `what`, the
/// operation) when it runs out.
///
/// When data is ready this is exactly one syscall and nothing else: `op` runs first, and only
/// an error leads to the out-of-line slow path, which reads the mode (`mode` is called there,
/// never before the syscall), retries `EINTR` and, in timeout mode, polls.
///
/// ```
/// use sock::wait::{call, Deadline, Interest};
/// use sock::{Family, Mode, Socket, Type};
/// use std::time::Duration;
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// a.set_blocking(false)?; // `op` must not block: the loop does the waiting
/// b.send(b"x")?;
/// let mode = Mode::Timeout(Duration::from_secs(1));
/// let mut buf = [0u8; 4];
/// let n = call(a.as_fd(), || mode, Interest::Read, &mut Deadline::new(), "read", || a.recv(&mut buf))?;
/// assert_eq!(n, 1);
/// # Ok::<(), std::io::Error>(())
/// ```
#[inline]
pub fn call<T>(
    fd: BorrowedFd<'_>,
    mode: impl Fn() -> Mode,
    interest: Interest,
    deadline: &mut Deadline,
    what: &'static str,
    mut op: impl FnMut() -> io::Result<T>,
) -> io::Result<T> {
    loop {
        match op() {
            Ok(value) => return Ok(value),
            Err(e) => after_error(fd, e, mode(), interest, deadline, what)?,
        }
    }
}

/// [`call`] with a deadline of its own, made only if the call has to wait: the form of every
/// single operation (one `recv`, one `send`); [`call`] shares a deadline between operations
/// (the chunks of `send_all`).
///
/// ```
/// use sock::wait::{call_once, Interest};
/// use sock::{Family, Mode, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// b.send(b"x")?;
/// let n = call_once(a.as_fd(), || Mode::Blocking, Interest::Read, "recv", || a.recv(&mut [0u8; 4]))?;
/// assert_eq!(n, 1);
/// # Ok::<(), std::io::Error>(())
/// ```
#[inline]
pub fn call_once<T>(
    fd: BorrowedFd<'_>,
    mode: impl Fn() -> Mode,
    interest: Interest,
    what: &'static str,
    op: impl FnMut() -> io::Result<T>,
) -> io::Result<T> {
    call(fd, mode, interest, &mut Deadline::new(), what, op)
}

/// What [`call`] does after its syscall failed with `err`: `Ok` to try again (`EINTR`, or
/// `EAGAIN` in timeout mode once `fd` is ready within the time left of `deadline`), else the
/// error to return. Out of line and not generic, so that the ready path of every operation is
/// its syscall, one compare and nothing else (the caller's closures never need to be built in
/// memory).
#[cold]
#[inline(never)]
pub fn after_error(
    fd: BorrowedFd<'_>,
    err: io::Error,
    mode: Mode,
    interest: Interest,
    deadline: &mut Deadline,
    what: &'static str,
) -> io::Result<()> {
    if is_interrupted(&err) {
        return Ok(());
    }
    match mode {
        Mode::Timeout(timeout) if is_would_block(&err) => wait(fd, interest, timeout, deadline, what),
        _ => Err(err),
    }
}

/// Waits for readiness within the time left of `deadline`; `TimedOut` naming `what` (the
/// operation) when none is left. A poll interrupted by a signal polls again with the time that
/// remains.
///
/// ```
/// use sock::wait::{wait, Deadline, Interest};
/// use sock::{Family, Socket, Type};
/// use std::time::Duration;
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// let mut deadline = Deadline::new();
/// let e = wait(a.as_fd(), Interest::Read, Duration::from_millis(10), &mut deadline, "read").unwrap_err();
/// assert_eq!((e.kind(), e.to_string()), (std::io::ErrorKind::TimedOut, "read: timed out".to_string()));
/// b.send(b"x")?;
/// wait(a.as_fd(), Interest::Read, Duration::from_secs(1), &mut Deadline::new(), "read")?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[cold]
pub fn wait(
    fd: BorrowedFd<'_>,
    interest: Interest,
    timeout: Duration,
    deadline: &mut Deadline,
    what: &'static str,
) -> io::Result<()> {
    loop {
        let left = deadline.remaining(timeout).ok_or_else(|| timed_out(what))?;
        match poll_once(fd, interest, Some(left)) {
            Ok(true) => return Ok(()),
            Ok(false) => return Err(timed_out(what)),
            Err(e) if is_interrupted(&e) => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millis_round_up_and_clamp() {
        assert_eq!(poll_millis(Duration::from_nanos(1)), 1);
        assert_eq!(poll_millis(Duration::from_millis(5)), 5);
        assert_eq!(poll_millis(Duration::from_micros(5001)), 6);
        assert_eq!(poll_millis(Duration::from_secs(u64::MAX)), i32::MAX);
        assert_eq!(poll_millis(Duration::from_millis(i32::MAX as u64 + 1)), i32::MAX);
    }

    #[test]
    fn deadline_starts_lazily_and_expires() {
        let mut d = Deadline::new();
        assert!(d.0.is_none());
        assert!(d.remaining(Duration::from_secs(10)).is_some());
        assert!(d.0.is_some());
        let mut z = Deadline::new();
        assert!(z.remaining(Duration::ZERO).is_none());
        let mut huge = Deadline::new();
        assert!(huge.remaining(Duration::MAX).is_some());
    }
}
