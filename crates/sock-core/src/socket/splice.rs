//! Socket-to-socket relays with `splice(2)`: the bytes move from one socket to another through
//! a pipe inside the kernel, never through user memory. [`SplicePipe`] owns the pipe and
//! keeps what it could not deliver yet; [`Socket::splice_to`] and [`Socket::relay_to`] are
//! the one-call forms.
//!
//! Decisions:
//! - The pipe is made with `pipe2(O_CLOEXEC)` (both ends `OwnedFd`) and asked to grow to
//!   1 MiB (`F_SETPIPE_SZ`; without the privilege for that it stays at what the kernel
//!   gives, 64 KiB by default): one `splice` pair moves up to that much.
//! - Each side follows its own socket's mode: a blocking socket blocks in `splice`, a
//!   non-blocking one fails with `WouldBlock`, a socket in timeout mode waits with its timeout
//!   (one deadline for the reading half and one for the writing half of each call), through
//!   the same call loop as `recv`/`send` ([`Socket::call`]). The pipe itself never blocks:
//!   it is empty before each read and only what it holds is written out.
//! - Flags: `SPLICE_F_MOVE` always (move pages rather than copy, where the kernel can);
//!   `SPLICE_F_NONBLOCK` exactly when the socket of that side is not blocking;
//!   `SPLICE_F_MORE` ("more data follows": TCP holds a partial segment back, like `MSG_MORE`)
//!   only when asked for with [`SplicePipe::set_more`], since on the last bytes of a
//!   conversation it delays them (the kernel already sets it between the buffers of one write).

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

use super::Shutdown;
use super::Socket;
use crate::error::{context, cvt};
use crate::kinds::Type;
use crate::mode::Mode;
use crate::wait::{Deadline, Interest};

/// The pipe size asked for (the default `pipe-max-size` lets anyone have 1 MiB).
const PIPE_SIZE: libc::c_int = 1 << 20;

/// A pipe for relaying between sockets with `splice(2)`, and the bytes it holds that were read
/// from one socket and not yet written to the other.
///
/// ```
/// use sock::SplicePipe; // not yet re-exported at the facade's root
/// use sock::{Family, Socket, Type};
/// let (client, a) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// let (b, server) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// let mut pipe = SplicePipe::new()?;
/// client.send_all(b"through the kernel")?;
/// let n = pipe.splice(&a, &b, 1 << 20)?; // a -> pipe -> b
/// assert_eq!(n, 18);
/// assert_eq!(pipe.pending(), 0);
/// assert_eq!(server.recv_vec(64)?, b"through the kernel");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct SplicePipe {
    read: OwnedFd,
    write: OwnedFd,
    capacity: usize,
    pending: usize,
    more: bool,
}

/// `splice(2)` between two fds with no offsets (sockets and pipes have none).
fn splice(from: &impl AsRawFd, to: &impl AsRawFd, len: usize, flags: libc::c_uint) -> io::Result<usize> {
    // SAFETY: both fds are open for the call (borrowed from owners that outlive it); null
    // offsets are what splice takes for pipes and sockets; no memory of ours is passed.
    let n = unsafe {
        libc::splice(from.as_raw_fd(), std::ptr::null_mut(), to.as_raw_fd(), std::ptr::null_mut(), len, flags)
    };
    cvt(n).map(|n| n as usize)
}

/// The flags of one side: `SPLICE_F_MOVE`, plus `SPLICE_F_NONBLOCK` unless `sock` blocks.
fn side_flags(sock: &Socket) -> libc::c_uint {
    let nonblock = if sock.mode() == Mode::Blocking { 0 } else { libc::SPLICE_F_NONBLOCK };
    libc::SPLICE_F_MOVE | nonblock
}

impl SplicePipe {
    /// A new pipe (close-on-exec), grown to 1 MiB where allowed.
    ///
    /// ```
    /// let pipe = sock::SplicePipe::new()?;
    /// assert!(pipe.capacity() >= 4096);
    /// assert_eq!(pipe.pending(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new() -> io::Result<SplicePipe> {
        let mut fds = [-1 as libc::c_int; 2];
        // SAFETY: `fds` is a writable array of two ints, as pipe2 requires.
        cvt(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })
            .map_err(|e| context(e, "pipe2", "splice pipe"))?;
        // SAFETY: pipe2 succeeded, so both fds are open and owned by nobody else.
        let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        // SAFETY: fcntl on an fd we own, with an int argument; a refusal leaves the size as is.
        let _ = unsafe { libc::fcntl(write.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_SIZE) };
        // SAFETY: fcntl on an fd we own, without argument.
        let size = cvt(unsafe { libc::fcntl(write.as_raw_fd(), libc::F_GETPIPE_SZ) })
            .map_err(|e| context(e, "fcntl F_GETPIPE_SZ", "splice pipe"))?;
        Ok(SplicePipe { read, write, capacity: usize::try_from(size).unwrap_or(4096).max(1), pending: 0, more: false })
    }

    /// The pipe's size in bytes: the most one [`splice`](SplicePipe::splice) moves.
    ///
    /// ```
    /// let pipe = sock::SplicePipe::new()?;
    /// assert!(pipe.capacity() >= 4096 && pipe.capacity() <= 1 << 20);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Bytes read from a source and not yet written (an earlier write failed or would have
    /// blocked); the next [`splice`](SplicePipe::splice) writes them first.
    ///
    /// ```
    /// assert_eq!(sock::SplicePipe::new()?.pending(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// Sets `SPLICE_F_MORE` on every write to the destination (off by default): "more data
    /// follows", so TCP may hold back a partial segment until more comes. For bulk relays
    /// only; an interactive relay would delay its last bytes.
    ///
    /// ```
    /// let mut pipe = sock::SplicePipe::new()?;
    /// pipe.set_more(true);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_more(&mut self, more: bool) {
        self.more = more;
    }

    /// Moves up to `len` bytes (and at most [`capacity`](SplicePipe::capacity)) from `from` to
    /// `to`: first whatever is [`pending`](SplicePipe::pending), then one `splice` from `from`
    /// into the pipe and as many from the pipe to `to` as it takes to empty it. Returns the
    /// bytes read from `from` in this call — 0 at end of stream (the peer shut down its
    /// writing side) or for `len == 0`.
    ///
    /// When writing fails (or would block, or times out), the bytes read stay in the pipe
    /// (see `pending`) and the error is returned; call again to deliver them.
    ///
    /// ```
    /// use sock::SplicePipe; // not yet re-exported at the facade's root
    /// use sock::{Family, Socket, Type};
    /// let (tx, from) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (to, rx) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let mut pipe = SplicePipe::new()?;
    /// tx.send_all(b"0123456789")?;
    /// assert_eq!(pipe.splice(&from, &to, 4)?, 4);
    /// assert_eq!(rx.recv_vec(64)?, b"0123");
    /// drop(tx);
    /// assert_eq!(pipe.splice(&from, &to, 64)?, 6);
    /// assert_eq!(pipe.splice(&from, &to, 64)?, 0); // end of stream
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn splice(&mut self, from: &Socket, to: &Socket, len: usize) -> io::Result<usize> {
        self.flush(to)?;
        if len == 0 {
            return Ok(0);
        }
        let want = len.min(self.capacity);
        let flags = side_flags(from);
        let n = from.call("splice", Interest::Read, || splice(from, &self.write, want, flags))?;
        self.pending = n;
        self.flush(to)?;
        Ok(n)
    }

    /// Writes out what the pipe holds, under `to`'s mode with one deadline.
    fn flush(&mut self, to: &Socket) -> io::Result<()> {
        let more = if self.more { libc::SPLICE_F_MORE } else { 0 };
        let flags = side_flags(to) | more;
        let mut deadline = Deadline::new();
        while self.pending > 0 {
            let left = self.pending;
            let n = to
                .call_with_deadline("splice", Interest::Write, &mut deadline, || splice(&self.read, to, left, flags))?;
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::WriteZero, "splice: the destination took no bytes"));
            }
            self.pending -= n.min(self.pending);
        }
        Ok(())
    }

    /// Relays everything from `from` to `to` until `from` reaches end of stream, then shuts
    /// down `to`'s writing side (so the end of stream travels on: half-close propagation).
    /// Returns the bytes relayed. For blocking sockets or sockets in timeout mode (the
    /// timeout is per read and per write, as for `recv`/`send`: a relay may run for hours); a
    /// non-blocking socket makes it fail with `WouldBlock` — drive [`splice`](Self::splice)
    /// from an event loop instead.
    ///
    /// ```
    /// use sock::SplicePipe; // not yet re-exported at the facade's root
    /// use sock::{Family, Socket, Type};
    /// let (tx, from) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (to, rx) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// tx.send_all(&[9u8; 100_000])?;
    /// tx.shutdown(sock::Shutdown::Write)?;
    /// let relay = std::thread::spawn(move || SplicePipe::new()?.relay(&from, &to));
    /// let mut got = 0;
    /// loop {
    ///     let chunk = rx.recv_vec(65536)?;
    ///     if chunk.is_empty() { break } // the shutdown came through
    ///     got += chunk.len();
    /// }
    /// assert_eq!(got, 100_000);
    /// assert_eq!(relay.join().unwrap()?, 100_000);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn relay(&mut self, from: &Socket, to: &Socket) -> io::Result<u64> {
        let mut total = 0u64;
        loop {
            let n = self.splice(from, to, self.capacity)?;
            if n == 0 {
                break;
            }
            total += n as u64;
        }
        if to.ty() == Type::STREAM || to.ty() == Type::SEQPACKET {
            to.shutdown(Shutdown::Write).map_err(|e| context(e, "relay shutdown", to.fileno()))?;
        }
        Ok(total)
    }
}

impl Socket {
    /// Moves up to `len` bytes from this socket to `to` with `splice(2)` through a pipe made
    /// for this call ([`SplicePipe::splice`]); returns the bytes read, 0 at end of stream.
    /// Bytes read but not written when writing fails are lost with the pipe: keep a
    /// [`SplicePipe`] to keep them (and to save the pipe's creation on every call).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (tx, from) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (to, rx) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// tx.send_all(b"hello")?;
    /// assert_eq!(from.splice_to(&to, 1024)?, 5);
    /// assert_eq!(rx.recv_vec(16)?, b"hello");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn splice_to(&self, to: &Socket, len: usize) -> io::Result<usize> {
        SplicePipe::new()?.splice(self, to, len)
    }

    /// Relays everything from this socket to `to` until end of stream, then shuts down `to`'s
    /// writing side ([`SplicePipe::relay`] with a new pipe). Returns the bytes relayed.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (tx, from) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (to, rx) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// tx.send_all(b"all of it")?;
    /// drop(tx);
    /// assert_eq!(from.relay_to(&to)?, 9);
    /// assert_eq!(rx.recv_vec(16)?, b"all of it");
    /// assert_eq!(rx.recv_vec(16)?, b""); // end of stream passed on
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn relay_to(&self, to: &Socket) -> io::Result<u64> {
        SplicePipe::new()?.relay(self, to)
    }
}
