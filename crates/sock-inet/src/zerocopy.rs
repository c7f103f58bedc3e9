//! `MSG_ZEROCOPY` sends (TCP since Linux 4.14, UDP since 5.0) and their completion
//! notifications: [`ZeroCopySender`] turns on `SO_ZEROCOPY`, numbers its sends as the kernel
//! does, reads the error queue into typed [`ZeroCopyCompletion`]s and waits for a buffer to be
//! released before it may change.
//!
//! The rule of zero-copy sending: **the bytes of a buffer must not change until the send's
//! completion arrived** — the kernel reads the pages (pinned, so freeing the memory is safe)
//! when the data actually leaves, long after `send` returned, and sends whatever they hold
//! then. [`ZeroCopySender::send_all`] waits for the completion before it returns;
//! [`ZeroCopySender::send`] returns the send's id for [`ZeroCopySender::wait`].
//!
//! Where it helps: large sends (the kernel's documentation says from about 10 KB) to a real
//! device with scatter-gather. It does not help small writes (pinning pages and the
//! notification cost more than a copy) nor loopback and other local paths, where the kernel
//! copies anyway when the data reaches the receiving socket — it then reports
//! [`ZeroCopyCompletion::copied`]. The crate docs' "Offloads" section has the measurements.

use std::io::{self, IoSlice};
use std::net::SocketAddr;
use std::ops::RangeInclusive;
use std::os::fd::AsRawFd;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use sock_core::cmsg::{Cmsg, CmsgIter, DecodeCmsg};
use sock_core::wait::Deadline;
use sock_core::{context, invalid_input, timed_out, Family, Mode, MsgFlags, SockAddr, Socket, Type};

use crate::consts::{IPPROTO_IP, IPPROTO_IPV6, IPV6_RECVERR, IP_RECVERR};

/// `SO_EE_ORIGIN_ZEROCOPY`: the `ee_origin` of a zero-copy completion in a
/// `struct sock_extended_err`.
///
/// ```
/// assert_eq!(sock::inet::SO_EE_ORIGIN_ZEROCOPY, 5);
/// ```
pub const SO_EE_ORIGIN_ZEROCOPY: u8 = 5;

/// `SO_EE_CODE_ZEROCOPY_COPIED`: the `ee_code` bit saying the kernel copied the data after all.
///
/// ```
/// assert_eq!(sock::inet::SO_EE_CODE_ZEROCOPY_COPIED, 1);
/// ```
pub const SO_EE_CODE_ZEROCOPY_COPIED: u8 = 1;

/// One zero-copy completion notification from the error queue (`IP_RECVERR` or
/// `IPV6_RECVERR` item holding a `struct sock_extended_err` with origin
/// [`SO_EE_ORIGIN_ZEROCOPY`]): the sends numbered `range` (each `MSG_ZEROCOPY` send that sent
/// something takes the next number of a per-socket 32-bit counter from 0) are done with their
/// buffers.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::inet::ZeroCopyCompletion;
/// // struct sock_extended_err { errno 0, origin 5, type 0, code 1 (copied), pad, info 3, data 7 }
/// let mut ee = [0u8; 16];
/// ee[4] = 5;
/// ee[6] = 1;
/// ee[8..12].copy_from_slice(&3u32.to_ne_bytes());
/// ee[12..16].copy_from_slice(&7u32.to_ne_bytes());
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push(sock::consts::IPPROTO_IP, sock::consts::IP_RECVERR, &ee)?;
/// let item = CmsgIter::new(w.as_bytes()).next().unwrap();
/// let done: ZeroCopyCompletion = item.decode().unwrap();
/// assert_eq!(done, ZeroCopyCompletion { range: 3..=7, copied: true });
/// assert_eq!(done.len(), 5);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ZeroCopyCompletion {
    /// The send numbers completed: `ee_info..=ee_data`.
    pub range: RangeInclusive<u32>,
    /// `SO_EE_CODE_ZEROCOPY_COPIED`: the kernel copied the data instead (loopback, a device
    /// without scatter-gather): zero-copy bought nothing for these sends.
    pub copied: bool,
}

impl ZeroCopyCompletion {
    /// How many sends this completes (the range wraps around the 32-bit counter at most once).
    ///
    /// ```
    /// use sock::inet::ZeroCopyCompletion;
    /// assert_eq!(ZeroCopyCompletion { range: 0..=0, copied: false }.len(), 1);
    /// assert_eq!(ZeroCopyCompletion { range: u32::MAX..=1, copied: false }.len(), 3);
    /// ```
    #[allow(clippy::len_without_is_empty)] // never empty: at least one send
    pub fn len(&self) -> u64 {
        u64::from(self.range.end().wrapping_sub(*self.range.start())) + 1
    }

    /// Whether send number `id` is among these.
    ///
    /// ```
    /// use sock::inet::ZeroCopyCompletion;
    /// let done = ZeroCopyCompletion { range: 4..=6, copied: false };
    /// assert!(done.contains(5) && !done.contains(7));
    /// ```
    pub fn contains(&self, id: u32) -> bool {
        u64::from(id.wrapping_sub(*self.range.start())) < self.len()
    }
}

/// The error-queue item of a zero-copy completion; every other item (ICMP errors, timestamps)
/// is `None`.
impl<'a> DecodeCmsg<'a> for ZeroCopyCompletion {
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<ZeroCopyCompletion> {
        if item.truncated || !matches!((item.level, item.ty), (IPPROTO_IP, IP_RECVERR) | (IPPROTO_IPV6, IPV6_RECVERR)) {
            return None;
        }
        let d = item.data;
        let word = |at: usize| Some(u32::from_ne_bytes(d.get(at..at + 4)?.try_into().ok()?));
        let (errno, origin, code) = (word(0)?, *d.get(4)?, *d.get(6)?);
        if errno != 0 || origin != SO_EE_ORIGIN_ZEROCOPY {
            return None;
        }
        Some(ZeroCopyCompletion { range: word(8)?..=word(12)?, copied: code & SO_EE_CODE_ZEROCOPY_COPIED != 0 })
    }
}

/// What one [`ZeroCopySender::send`] did: the bytes the kernel took and the send's number,
/// `None` when nothing was sent (no number was taken).
///
/// ```
/// let sent = sock::inet::ZeroCopySend { bytes: 10, id: Some(0) };
/// assert_eq!(sent.id, Some(0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZeroCopySend {
    /// Bytes sent.
    pub bytes: usize,
    /// The send's number, for [`ZeroCopySender::wait`].
    pub id: Option<u32>,
}

/// Counters of one [`ZeroCopySender`].
///
/// ```
/// assert_eq!(sock::inet::ZeroCopyStats::default().sends, 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ZeroCopyStats {
    /// Sends that took a number.
    pub sends: u64,
    /// Sends reported complete.
    pub completed: u64,
    /// Of those, sends the kernel reported as copied ([`ZeroCopyCompletion::copied`]).
    pub copied: u64,
    /// Notifications read from the error queue (the kernel merges consecutive sends into one).
    pub notifications: u64,
}

/// Which send numbers are complete: every number before `done_below`, and the ranges of
/// `ahead` (completions that came out of order; merged into `done_below` as the gap closes).
#[derive(Debug, Default)]
struct Tracker {
    next: u32,
    done_below: u32,
    ahead: Vec<(u32, u32)>,
    stats: ZeroCopyStats,
}

impl Tracker {
    /// Distance of `id` after `done_below`, on the wrapping counter.
    fn offset(&self, id: u32) -> u32 {
        id.wrapping_sub(self.done_below)
    }

    fn is_complete(&self, id: u32) -> bool {
        // Numbers not yet handed out count as complete only if they are "before" done_below.
        let (off, outstanding) = (self.offset(id), self.next.wrapping_sub(self.done_below));
        off >= outstanding || self.ahead.iter().any(|&(a, b)| id.wrapping_sub(a) <= b.wrapping_sub(a))
    }

    fn all_complete(&self) -> bool {
        self.done_below == self.next
    }

    fn record(&mut self, done: &ZeroCopyCompletion) {
        self.stats.notifications += 1;
        self.stats.completed += done.len();
        if done.copied {
            self.stats.copied += done.len();
        }
        self.ahead.push((*done.range.start(), *done.range.end()));
        // Fold every range that now touches done_below into it.
        while let Some(i) = self.ahead.iter().position(|&(a, _)| self.offset(a) == 0) {
            let (_, b) = self.ahead.swap_remove(i);
            self.done_below = b.wrapping_add(1);
        }
    }
}

/// A TCP or UDP socket that sends with `MSG_ZEROCOPY` and tracks the completions.
///
/// Every `MSG_ZEROCOPY` send on the socket must go through this sender (the kernel numbers
/// them; a send made around it would shift the numbers). Sends are serialised by a lock, so
/// numbers match the kernel's order also when several threads send. The error queue is read
/// by this sender: other items on it (ICMP errors of UDP with `IP_RECVERR`) are dropped.
///
/// ```
/// use sock::inet::{create_server, ServerOptions, ZeroCopySender};
/// use sock::Socket;
/// let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let client = Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
/// client.connect(server.local_addr()?)?;
/// let (conn, _) = server.accept()?;
/// // The peer must be reading while we wait for completions (see `send_all`).
/// let reader = std::thread::spawn(move || -> std::io::Result<usize> {
///     let (mut got, mut buf) = (0, vec![0u8; 1 << 16]);
///     while got < 1 << 20 {
///         got += conn.recv(&mut buf)?;
///     }
///     Ok(got)
/// });
/// client.set_timeout(Some(std::time::Duration::from_secs(10)))?;
/// let tx = ZeroCopySender::new(client)?;
/// let data = vec![7u8; 1 << 20];
/// let report = tx.send_all(&data)?; // returns once the kernel released `data`
/// assert_eq!(report.bytes, data.len());
/// // Loopback: the kernel copied when the data reached the receiver, and says so.
/// assert!(report.copied);
/// assert_eq!(reader.join().unwrap()?, 1 << 20);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ZeroCopySender<S = Socket> {
    sock: S,
    /// Held for the duration of each send, so numbers follow the kernel's order.
    send_lock: Mutex<()>,
    tracker: Mutex<Tracker>,
}

/// What [`ZeroCopySender::send_all`] did.
///
/// ```
/// let r = sock::inet::ZeroCopyReport { bytes: 4096, sends: 1, copied: true };
/// assert!(r.copied);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZeroCopyReport {
    /// Bytes sent (all of the buffer).
    pub bytes: usize,
    /// `MSG_ZEROCOPY` sends it took.
    pub sends: u32,
    /// Whether the kernel reported any of them copied.
    pub copied: bool,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere cannot leave the counters half-updated in a way that matters here.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl<S: AsRef<Socket>> ZeroCopySender<S> {
    /// Turns on `SO_ZEROCOPY` on `sock` (an AF_INET/AF_INET6 stream or datagram socket, else
    /// `InvalidInput`) and wraps it. Fails with the kernel's error (with context) on kernels
    /// without `SO_ZEROCOPY` (before 4.14), and with `Unsupported` for UDP before 5.0 (where
    /// `MSG_ZEROCOPY` is silently ignored, so no completion would ever come).
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let udp = Socket::new(Family::INET6, Type::DGRAM, None)?;
    /// let tx = ZeroCopySender::new(&udp)?;
    /// assert!(udp.zerocopy()?);
    /// let unix = Socket::new(Family::UNIX, Type::STREAM, None)?;
    /// assert_eq!(ZeroCopySender::new(&unix).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(sock: S) -> io::Result<ZeroCopySender<S>> {
        let s = sock.as_ref();
        if !matches!(s.family(), Family::INET | Family::INET6) || !matches!(s.ty(), Type::STREAM | Type::DGRAM) {
            return Err(context(
                invalid_input("socket", "MSG_ZEROCOPY needs an AF_INET or AF_INET6 stream or datagram socket"),
                "zerocopy",
                s.fileno(),
            ));
        }
        if s.ty() == Type::DGRAM && crate::gso_sender::kernel_version().is_some_and(|v| v < (5, 0)) {
            return Err(io::Error::new(io::ErrorKind::Unsupported, "zerocopy: UDP MSG_ZEROCOPY needs Linux 5.0"));
        }
        s.set_zerocopy(true).map_err(|e| context(e, "set_zerocopy", s.fileno()))?;
        Ok(ZeroCopySender { sock, send_lock: Mutex::new(()), tracker: Mutex::new(Tracker::default()) })
    }

    /// One `send` with `MSG_ZEROCOPY` (connected sockets), under the socket's mode. `buf` must
    /// not change until [`wait`](Self::wait) for the returned id succeeded (see the module
    /// docs); `ENOBUFS` means too many completions are unread (the socket's `optmem` limit):
    /// read them ([`poll_completions`](Self::poll_completions), `wait`) and send again.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.connect(rx.local_addr()?)?;
    /// let tx = ZeroCopySender::new(tx)?;
    /// let first = tx.send(&[1u8; 9000])?;
    /// let second = tx.send(&[2u8; 9000])?;
    /// assert_eq!((first.id, second.id), (Some(0), Some(1)));
    /// tx.wait(1)?;
    /// assert!(tx.is_complete(0) && tx.is_complete(1));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send(&self, buf: &[u8]) -> io::Result<ZeroCopySend> {
        self.send_inner(buf, None)
    }

    /// [`send`](Self::send) to `to` (an unconnected UDP socket).
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// let sent = tx.send_to(&[1u8; 9000], sock::inet::decode(&rx.local_addr()?)?)?;
    /// tx.wait(sent.id.unwrap())?;
    /// assert_eq!(rx.recv_vec(10_000)?.len(), 9000);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to(&self, buf: &[u8], to: SocketAddr) -> io::Result<ZeroCopySend> {
        self.send_inner(buf, Some(&SockAddr::from(to)))
    }

    fn send_inner(&self, buf: &[u8], to: Option<&SockAddr>) -> io::Result<ZeroCopySend> {
        let _order = lock(&self.send_lock);
        let bytes = self.sock.as_ref().send_msg(&[IoSlice::new(buf)], &[], MsgFlags::ZEROCOPY, to)?;
        // The kernel numbers a send only when it took data (a zero-length send takes none).
        let id = (!buf.is_empty()).then(|| {
            let mut t = lock(&self.tracker);
            let id = t.next;
            t.next = id.wrapping_add(1);
            t.stats.sends += 1;
            id
        });
        Ok(ZeroCopySend { bytes, id })
    }

    /// Sends all of `buf` with `MSG_ZEROCOPY` (as many sends as a stream needs; one datagram
    /// on UDP) and waits until the kernel released every byte: on return `buf` may change.
    /// `ENOBUFS` (unread completions over the `optmem` limit) is handled by reading them.
    /// In timeout mode the socket's timeout applies to each send and to the final wait.
    ///
    /// On a stream, a send completes only once the peer's side took the data (acknowledged
    /// it, or on loopback queued it for the reader): a peer that does not read while this
    /// waits — the same thread reading only afterwards — makes it wait for ever in blocking
    /// mode (`TimedOut` in timeout mode). Read from another thread or process.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = (Socket::new(Family::INET6, Type::DGRAM, None)?, Socket::new(Family::INET6, Type::DGRAM, None)?);
    /// b.bind(("::1", 0))?;
    /// a.connect(b.local_addr()?)?;
    /// let tx = ZeroCopySender::new(a)?;
    /// let mut buf = vec![5u8; 20_000];
    /// let report = tx.send_all(&buf)?;
    /// buf.fill(0); // released: changing it cannot change what was sent
    /// assert_eq!((report.bytes, report.sends), (20_000, 1));
    /// assert!(b.recv_vec(30_000)?.iter().all(|&x| x == 5));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_all(&self, buf: &[u8]) -> io::Result<ZeroCopyReport> {
        let before = self.stats().copied;
        let mut sent = 0;
        let mut sends = 0u32;
        loop {
            match self.send(&buf[sent..]) {
                Ok(s) => {
                    sent += s.bytes;
                    sends += u32::from(s.id.is_some());
                }
                Err(e) if e.raw_os_error() == Some(libc::ENOBUFS) => {
                    self.wait_some()?;
                    continue;
                }
                Err(e) => return Err(e),
            }
            if sent >= buf.len() {
                break;
            }
        }
        self.wait_all()?;
        Ok(ZeroCopyReport { bytes: sent, sends, copied: self.stats().copied > before })
    }

    /// Reads every completion waiting on the error queue without blocking; returns how many
    /// notifications it read.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(tx.poll_completions()?, 0); // nothing sent, nothing to read
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn poll_completions(&self) -> io::Result<usize> {
        self.drain(|_| {})
    }

    /// [`poll_completions`](Self::poll_completions) handing each completion to `f` as it is
    /// read (the typed items, for callers that track buffers by range).
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// tx.send_to(&[0u8; 5000], sock::inet::decode(&rx.local_addr()?)?)?;
    /// let mut seen = Vec::new();
    /// while !tx.is_complete(0) {
    ///     tx.poll_completions_with(|c| seen.push(c.clone()))?;
    /// }
    /// assert!(seen[0].contains(0));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn poll_completions_with(&self, mut f: impl FnMut(&ZeroCopyCompletion)) -> io::Result<usize> {
        self.drain(&mut f)
    }

    fn drain(&self, mut f: impl FnMut(&ZeroCopyCompletion)) -> io::Result<usize> {
        let sock = self.sock.as_ref();
        let mut control = [0u8; 128];
        let mut read = 0;
        loop {
            let flags = MsgFlags::ERRQUEUE | MsgFlags::DONTWAIT;
            let meta = match sock.recv_msg_addr(&mut [], &mut control, flags, None) {
                Ok(meta) => meta,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(read),
                Err(e) => return Err(e),
            };
            for item in CmsgIter::new(&control[..meta.control_len]) {
                if let Some(done) = item.decode::<ZeroCopyCompletion>() {
                    lock(&self.tracker).record(&done);
                    f(&done);
                    read += 1;
                }
            }
        }
    }

    /// Whether send `id` is complete (its buffer released), as far as the completions read so
    /// far tell; call [`poll_completions`](Self::poll_completions) to read new ones.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert!(tx.is_complete(0)); // never sent: nothing holds a buffer
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_complete(&self, id: u32) -> bool {
        lock(&self.tracker).is_complete(id)
    }

    /// Waits until send `id` is complete, reading completions; under the socket's mode: a
    /// non-blocking socket fails with `WouldBlock` instead of waiting, timeout mode with
    /// `TimedOut` after the timeout.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// tx.socket().set_timeout(Some(std::time::Duration::from_secs(5)))?;
    /// let sent = tx.send_to(&[0u8; 5000], sock::inet::decode(&rx.local_addr()?)?)?;
    /// tx.wait(sent.id.unwrap())?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn wait(&self, id: u32) -> io::Result<()> {
        self.wait_until(|t| t.is_complete(id))
    }

    /// Waits until every send so far is complete (as [`wait`](Self::wait)).
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// for _ in 0..3 {
    ///     tx.send_to(&[0u8; 5000], sock::inet::decode(&rx.local_addr()?)?)?;
    /// }
    /// tx.wait_all()?;
    /// assert_eq!(tx.stats().completed, 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn wait_all(&self) -> io::Result<()> {
        self.wait_until(Tracker::all_complete)
    }

    /// Waits for at least one new notification (after `ENOBUFS`).
    fn wait_some(&self) -> io::Result<()> {
        let before = lock(&self.tracker).stats.notifications;
        self.wait_until(|t| t.stats.notifications > before || t.all_complete())
    }

    fn wait_until(&self, done: impl Fn(&Tracker) -> bool) -> io::Result<()> {
        let sock = self.sock.as_ref();
        let mut deadline = Deadline::new();
        loop {
            self.drain(|_| {})?;
            if done(&lock(&self.tracker)) {
                return Ok(());
            }
            let left = match sock.mode() {
                Mode::NonBlocking => return Err(io::ErrorKind::WouldBlock.into()),
                Mode::Blocking => None,
                Mode::Timeout(t) => Some(deadline.remaining(t).ok_or_else(|| timed_out("zerocopy wait"))?),
            };
            if !wait_errqueue(sock, left)? {
                return Err(timed_out("zerocopy wait"));
            }
        }
    }

    /// The counters.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(tx.stats(), sock::inet::ZeroCopyStats::default());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stats(&self) -> ZeroCopyStats {
        lock(&self.tracker).stats
    }

    /// The socket, for its other methods.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert!(tx.socket().zerocopy()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn socket(&self) -> &Socket {
        self.sock.as_ref()
    }

    /// The socket back (`SO_ZEROCOPY` stays on). Sends still in flight keep their buffers
    /// pinned in the kernel; their completions stay on the error queue.
    ///
    /// ```
    /// use sock::inet::ZeroCopySender;
    /// use sock::{Family, Socket, Type};
    /// let tx = ZeroCopySender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// let s: Socket = tx.into_inner();
    /// assert!(s.zerocopy()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_inner(self) -> S {
        self.sock
    }
}

impl<S: AsRef<Socket>> AsRef<Socket> for ZeroCopySender<S> {
    fn as_ref(&self) -> &Socket {
        self.sock.as_ref()
    }
}

/// Waits until the error queue of `sock` may hold something (`POLLERR`, which `poll` reports
/// whatever events are asked; none are asked here, so pending data or room to write do not
/// wake it), for at most `timeout` (`None`: forever). `Ok(false)` on timeout. A socket error
/// (`SO_ERROR`, e.g. a reset connection) is returned; a hung-up socket, which polls ready
/// forever, is re-polled after a millisecond rather than spun on.
fn wait_errqueue(sock: &Socket, timeout: Option<Duration>) -> io::Result<bool> {
    let ms = timeout.map_or(-1, sock_core::wait::poll_millis);
    let mut pfd = libc::pollfd { fd: sock.as_fd().as_raw_fd(), events: 0, revents: 0 };
    // SAFETY: `pfd` is one valid, writable `pollfd` and the count says one.
    let n = unsafe { libc::poll(&mut pfd, 1, ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        return if e.kind() == io::ErrorKind::Interrupted { Ok(true) } else { Err(e) };
    }
    if n == 0 {
        return Ok(false);
    }
    if pfd.revents & libc::POLLERR != 0 {
        if let Some(e) = sock.take_error()? {
            return Err(e);
        }
    } else if pfd.revents & libc::POLLHUP != 0 {
        std::thread::sleep(Duration::from_millis(1));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(a: u32, b: u32) -> ZeroCopyCompletion {
        ZeroCopyCompletion { range: a..=b, copied: false }
    }

    #[test]
    fn tracker_merges_out_of_order() {
        let mut t = Tracker { next: 10, ..Tracker::default() };
        assert!(!t.is_complete(0) && !t.is_complete(9));
        assert!(t.is_complete(10)); // not handed out
        t.record(&done(3, 5));
        assert!(t.is_complete(4) && !t.is_complete(2) && !t.is_complete(6));
        t.record(&done(0, 2));
        assert_eq!(t.done_below, 6);
        t.record(&done(6, 9));
        assert!(t.all_complete());
        assert_eq!(t.stats.completed, 10);
    }

    #[test]
    fn tracker_wraps() {
        let mut t = Tracker { next: 2, done_below: u32::MAX - 1, ..Tracker::default() };
        assert!(!t.is_complete(u32::MAX) && !t.is_complete(1));
        t.record(&done(u32::MAX - 1, 1));
        assert!(t.all_complete());
        assert_eq!(t.stats.completed, 4);
    }

    #[test]
    fn decode_refuses_other_items() {
        let mut icmp = [0u8; 16];
        icmp[4] = 2; // SO_EE_ORIGIN_ICMP
        let item = Cmsg { level: IPPROTO_IP, ty: IP_RECVERR, data: &icmp, truncated: false };
        assert_eq!(item.decode::<ZeroCopyCompletion>(), None);
        let mut zc = [0u8; 16];
        zc[4] = SO_EE_ORIGIN_ZEROCOPY;
        let item = Cmsg { level: IPPROTO_IPV6, ty: IPV6_RECVERR, data: &zc, truncated: false };
        assert_eq!(item.decode::<ZeroCopyCompletion>(), Some(done(0, 0)));
        let short = Cmsg { level: IPPROTO_IPV6, ty: IPV6_RECVERR, data: &zc[..12], truncated: false };
        assert_eq!(short.decode::<ZeroCopyCompletion>(), None);
        let cut = Cmsg { level: IPPROTO_IPV6, ty: IPV6_RECVERR, data: &zc, truncated: true };
        assert_eq!(cut.decode::<ZeroCopyCompletion>(), None);
        let mut failed = zc;
        failed[0] = 5; // ee_errno set: not a completion
        let item = Cmsg { level: IPPROTO_IP, ty: IP_RECVERR, data: &failed, truncated: false };
        assert_eq!(item.decode::<ZeroCopyCompletion>(), None);
    }
}
