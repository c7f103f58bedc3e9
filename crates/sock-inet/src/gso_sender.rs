//! UDP GSO that survives real machines: [`GsoSender`] probes a socket once, sends one buffer
//! as many datagrams with `UDP_SEGMENT` where the kernel and the path can, and falls back to
//! one plain send per datagram where they cannot, remembering the fallback. The decision
//! logic ([`Plan`]) is shared with the async sender (`aio::AsyncGsoSender`): only the loop
//! that drives it differs (a blocking call or an `.await`).

use std::fmt;
use std::io::{self, IoSlice};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};

use sock_core::cmsg::CmsgWriter;
use sock_core::wait::{Deadline, Interest};
use sock_core::{context, invalid_input, Family, Mode, MsgFlags, SockAddr, Socket, Type};

use crate::cmsg::InetCmsg;
use crate::consts::{SOL_UDP, UDP_SEGMENT};
use crate::gso::checked_segment_size;

/// The largest UDP payload one send can carry: 65535 − 20 (IPv4 header) − 8 (UDP header).
/// A segmented send never carries more (IPv6 would allow 65527; the IPv4 figure is used for
/// both, since an IPv6 socket may send to IPv4-mapped addresses).
///
/// ```
/// assert_eq!(sock::inet::UDP_MAX_PAYLOAD, 65_507);
/// ```
pub const UDP_MAX_PAYLOAD: usize = 65_507;

/// The kernel's limit of segments in one send before Linux 6.10 (`UDP_MAX_SEGMENTS`, 64);
/// Linux 6.10 raised it to 128. [`GsoSender`] uses 128 on kernels that report 6.10 or later
/// and drops to 64 for good if such a send is refused.
///
/// ```
/// assert_eq!(sock::inet::UDP_MAX_SEGMENTS_OLD, 64);
/// ```
pub const UDP_MAX_SEGMENTS_OLD: usize = 64;

/// What the segmented sends of one socket can do, as probed once and then learned from the
/// kernel's answers.
///
/// ```
/// use sock::inet::{GsoSender, GsoSupport};
/// use sock::{Family, Socket, Type};
/// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
/// // On Linux ≥ 4.18 (every kernel this crate is tested on):
/// assert!(matches!(tx.support(), GsoSupport::Offload { max_segments: 64 | 128 }));
/// assert!(tx.support().is_offload());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GsoSupport {
    /// Sends carry a `UDP_SEGMENT` item: up to `max_segments` datagrams (and
    /// [`UDP_MAX_PAYLOAD`] bytes) per `sendmsg`.
    Offload {
        /// The kernel's segments-per-send limit (64, or 128 since Linux 6.10).
        max_segments: usize,
    },
    /// The kernel has no `UDP_SEGMENT` (older than 4.18, or the option was refused when
    /// probed, with this `errno`, typically `ENOPROTOOPT`): every datagram is a plain send.
    KernelLacks {
        /// The probe's error number.
        errno: i32,
    },
    /// A segmented send was refused with `EIO`, `EINVAL` or `EMSGSIZE` (this `errno`) and
    /// the same data then went out as plain sends: the path cannot segment (see the crate
    /// docs' rules), and every later datagram is a plain send.
    SendRefused {
        /// `libc::EIO`, `libc::EINVAL` or `libc::EMSGSIZE`.
        errno: i32,
    },
}

impl GsoSupport {
    /// Whether sends are segmented by the kernel.
    ///
    /// ```
    /// use sock::inet::GsoSupport;
    /// assert!(GsoSupport::Offload { max_segments: 64 }.is_offload());
    /// assert!(!GsoSupport::SendRefused { errno: libc::EIO }.is_offload());
    /// ```
    pub fn is_offload(self) -> bool {
        matches!(self, GsoSupport::Offload { .. })
    }

    fn pack(self) -> u64 {
        match self {
            GsoSupport::Offload { max_segments } => max_segments as u64 & 0xffff_ffff,
            GsoSupport::KernelLacks { errno } => 1 << 32 | u64::from(errno as u32),
            GsoSupport::SendRefused { errno } => 2 << 32 | u64::from(errno as u32),
        }
    }

    fn unpack(v: u64) -> GsoSupport {
        let low = (v & 0xffff_ffff) as u32;
        match v >> 32 {
            0 => GsoSupport::Offload { max_segments: low as usize },
            1 => GsoSupport::KernelLacks { errno: low as i32 },
            _ => GsoSupport::SendRefused { errno: low as i32 },
        }
    }
}

impl fmt::Display for GsoSupport {
    /// `offload (128 segments per send)`, `no kernel support (ENOPROTOOPT)`, `refused by the
    /// path (EIO)`.
    ///
    /// ```
    /// use sock::inet::GsoSupport;
    /// assert_eq!(GsoSupport::SendRefused { errno: libc::EIO }.to_string(), "refused by the path (EIO)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |e: i32| sock_core::errno_name(e).map(str::to_string).unwrap_or_else(|| e.to_string());
        match *self {
            GsoSupport::Offload { max_segments } => write!(f, "offload ({max_segments} segments per send)"),
            GsoSupport::KernelLacks { errno } => write!(f, "no kernel support ({})", name(errno)),
            GsoSupport::SendRefused { errno } => write!(f, "refused by the path ({})", name(errno)),
        }
    }
}

/// Counters of one [`GsoSender`]: how its datagrams left.
///
/// ```
/// let stats = sock::inet::GsoStats::default();
/// assert_eq!(stats.segmented_sends + stats.plain_datagrams, 0);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct GsoStats {
    /// `sendmsg` calls with a `UDP_SEGMENT` item that the kernel took.
    pub segmented_sends: u64,
    /// Datagrams those calls carried.
    pub segmented_datagrams: u64,
    /// Datagrams sent one per call (the fallback, and single-datagram sends).
    pub plain_datagrams: u64,
    /// Segmented sends the kernel refused with `EIO`/`EINVAL`/`EMSGSIZE` (their data was then
    /// sent plain).
    pub refused_sends: u64,
}

/// The GSO state of one socket: the probed and learned [`GsoSupport`] and the counters.
/// Atomics, so a sender is `Sync` and its methods take `&self` like `Socket`'s.
#[derive(Debug)]
pub(crate) struct UdpGso {
    support: AtomicU64,
    segmented_sends: AtomicU64,
    segmented_datagrams: AtomicU64,
    plain_datagrams: AtomicU64,
    refused_sends: AtomicU64,
}

/// The running kernel's `(major, minor)` from `uname(2)`, `None` if unreadable.
pub(crate) fn kernel_version() -> Option<(u32, u32)> {
    // SAFETY: `utsname` is plain old data (arrays of `c_char`); all zeroes is a valid value.
    let mut uts: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `uts` is a valid, writable `utsname` for the call.
    if unsafe { libc::uname(&mut uts) } != 0 {
        return None;
    }
    let release: Vec<u8> = uts.release.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    let text = std::str::from_utf8(&release).ok()?;
    let mut parts = text.split(|c: char| !c.is_ascii_digit());
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

impl UdpGso {
    /// Probes `sock` once: an INET/INET6 datagram socket (else `InvalidInput`), a kernel of
    /// 4.18 or later (by `uname`), and a `UDP_SEGMENT` option that can be read and set (set
    /// to the value it has, so the socket is unchanged).
    pub(crate) fn probe(sock: &Socket) -> io::Result<UdpGso> {
        if !matches!(sock.family(), Family::INET | Family::INET6) || sock.ty() != Type::DGRAM {
            return Err(invalid_input("socket", "UDP GSO needs an AF_INET or AF_INET6 SOCK_DGRAM socket"));
        }
        let version = kernel_version().unwrap_or((0, 0));
        let support = if version < (4, 18) {
            GsoSupport::KernelLacks { errno: libc::ENOPROTOOPT }
        } else {
            let probed = sock
                .getsockopt_int(SOL_UDP, UDP_SEGMENT)
                .and_then(|current| sock.setsockopt_int(SOL_UDP, UDP_SEGMENT, current));
            match probed {
                Ok(()) if version >= (6, 10) => GsoSupport::Offload { max_segments: 128 },
                Ok(()) => GsoSupport::Offload { max_segments: UDP_MAX_SEGMENTS_OLD },
                Err(e) => GsoSupport::KernelLacks { errno: sock_core::errno(&e).unwrap_or(libc::ENOPROTOOPT) },
            }
        };
        Ok(UdpGso::with(support))
    }

    /// A state that assumes the offload works and learns otherwise within one call (the
    /// stateless async `send_segments`).
    #[cfg(any(feature = "tokio", feature = "async-io"))]
    pub(crate) fn assumed() -> UdpGso {
        UdpGso::with(GsoSupport::Offload { max_segments: UDP_MAX_SEGMENTS_OLD })
    }

    fn with(support: GsoSupport) -> UdpGso {
        UdpGso {
            support: AtomicU64::new(support.pack()),
            segmented_sends: AtomicU64::new(0),
            segmented_datagrams: AtomicU64::new(0),
            plain_datagrams: AtomicU64::new(0),
            refused_sends: AtomicU64::new(0),
        }
    }

    pub(crate) fn support(&self) -> GsoSupport {
        GsoSupport::unpack(self.support.load(Ordering::Relaxed))
    }

    fn set(&self, support: GsoSupport) {
        self.support.store(support.pack(), Ordering::Relaxed);
    }

    pub(crate) fn stats(&self) -> GsoStats {
        GsoStats {
            segmented_sends: self.segmented_sends.load(Ordering::Relaxed),
            segmented_datagrams: self.segmented_datagrams.load(Ordering::Relaxed),
            plain_datagrams: self.plain_datagrams.load(Ordering::Relaxed),
            refused_sends: self.refused_sends.load(Ordering::Relaxed),
        }
    }
}

/// One `sendmsg` of a [`Plan`]: bytes `start..end` of the buffer, with a `UDP_SEGMENT` item
/// or as one plain datagram.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Step {
    start: usize,
    end: usize,
    segmented: bool,
}

/// The decisions of one `send_segments` call, shared by the blocking and the async loop:
/// which bytes go next and how ([`Plan::next`], [`Plan::send`]), and what an answer of the
/// kernel means ([`Plan::record`]).
pub(crate) struct Plan<'a> {
    gso: &'a UdpGso,
    buf: &'a [u8],
    seg: usize,
    size: u16,
    sent: usize,
    /// An empty buffer is one empty datagram: whether it went.
    done_empty: bool,
    /// The errno of a refused segmented send, until a plain send of the same bytes works
    /// (then the refusal is remembered; if the plain send fails too, its error is the answer).
    refused: Option<i32>,
}

impl<'a> Plan<'a> {
    pub(crate) fn new(gso: &'a UdpGso, buf: &'a [u8], segment_size: usize) -> io::Result<Plan<'a>> {
        let size = checked_segment_size(segment_size)?;
        Ok(Plan { gso, buf, seg: segment_size, size, sent: 0, done_empty: false, refused: None })
    }

    /// The next send, `None` when all of the buffer went.
    pub(crate) fn next(&self) -> Option<Step> {
        let rest = self.buf.len() - self.sent;
        if rest == 0 && (self.done_empty || !self.buf.is_empty()) {
            return None;
        }
        let start = self.sent;
        if let GsoSupport::Offload { max_segments } = self.gso.support() {
            // One send takes up to max_segments segments and UDP_MAX_PAYLOAD bytes; the short
            // tail segment only at the end of the buffer.
            let limit = max_segments.saturating_mul(self.seg).min(UDP_MAX_PAYLOAD);
            let whole = limit / self.seg * self.seg;
            if self.refused.is_none() && rest > self.seg && (rest <= limit || whole > self.seg) {
                let end = if rest <= limit { start + rest } else { start + whole };
                return Some(Step { start, end, segmented: true });
            }
        }
        Some(Step { start, end: start + rest.min(self.seg), segmented: false })
    }

    /// Makes the send of `step` on `sock` (one `sendmsg`, no waiting beyond what `flags` and
    /// the socket's mode say).
    pub(crate) fn send(&self, sock: &Socket, step: Step, flags: MsgFlags, to: Option<&SockAddr>) -> io::Result<usize> {
        let data = [IoSlice::new(&self.buf[step.start..step.end])];
        if !step.segmented {
            return sock.send_msg(&data, &[], flags, to);
        }
        let mut control = [0u8; 32];
        let mut w = CmsgWriter::new(&mut control);
        InetCmsg::UdpSegment(self.size).encode(&mut w)?;
        let len = w.len();
        sock.send_msg(&data, &control[..len], flags, to)
    }

    /// Takes the kernel's answer to `step`: `Ok(true)` to go on, `Ok(false)` to stop and
    /// report the bytes sent so far (an error after some datagrams left), `Err` to fail.
    pub(crate) fn record(&mut self, step: Step, result: io::Result<usize>) -> io::Result<bool> {
        let gso = self.gso;
        let count = (step.end - step.start).div_ceil(self.seg) as u64;
        match result {
            Ok(n) => {
                if step.segmented {
                    gso.segmented_sends.fetch_add(1, Ordering::Relaxed);
                    gso.segmented_datagrams.fetch_add(count, Ordering::Relaxed);
                } else {
                    gso.plain_datagrams.fetch_add(1, Ordering::Relaxed);
                    if let Some(errno) = self.refused.take() {
                        gso.set(GsoSupport::SendRefused { errno });
                    }
                }
                self.sent += n.min(step.end - step.start);
                self.done_empty = true;
                Ok(true)
            }
            Err(e) if step.segmented && matches!(e.raw_os_error(), Some(libc::EIO | libc::EINVAL | libc::EMSGSIZE)) => {
                let errno = e.raw_os_error().unwrap_or(libc::EINVAL);
                if let GsoSupport::Offload { max_segments } = gso.support() {
                    if errno == libc::EINVAL && max_segments > UDP_MAX_SEGMENTS_OLD && count > 64 {
                        // The kernel's limit is the old one whatever its version says.
                        gso.set(GsoSupport::Offload { max_segments: UDP_MAX_SEGMENTS_OLD });
                        return Ok(true);
                    }
                }
                gso.refused_sends.fetch_add(1, Ordering::Relaxed);
                self.refused = Some(errno);
                Ok(true)
            }
            Err(_) if self.sent > 0 => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn sent(&self) -> usize {
        self.sent
    }
}

/// The blocking loop over a [`Plan`]: in timeout mode one deadline spans every send.
pub(crate) fn send_blocking(
    sock: &Socket,
    gso: &UdpGso,
    buf: &[u8],
    segment_size: usize,
    to: Option<&SockAddr>,
) -> io::Result<usize> {
    let mut plan = Plan::new(gso, buf, segment_size)?;
    // In timeout mode the loop below waits, with the one deadline; each send must not.
    let flags = if matches!(sock.mode(), Mode::Timeout(_)) { MsgFlags::DONTWAIT } else { MsgFlags::NONE };
    let mut deadline = Deadline::new();
    while let Some(step) = plan.next() {
        let result = sock
            .call_with_deadline("send_segments", Interest::Write, &mut deadline, || plan.send(sock, step, flags, to));
        if !plan.record(step, result)? {
            break;
        }
    }
    Ok(plan.sent())
}

/// A UDP socket that sends one buffer as many datagrams of a segment size, with UDP GSO
/// (`UDP_SEGMENT`) where it works and plain sends where it does not.
///
/// [`GsoSender::new`] probes the socket once (kernel version, the `UDP_SEGMENT` option) and
/// keeps the answer ([`support`](GsoSender::support)); a segmented send that the kernel
/// refuses with `EIO`, `EINVAL` or `EMSGSIZE` is sent again as plain datagrams and, if those go, the
/// sender stays with plain sends ([`GsoSupport::SendRefused`]). The rules are in the crate
/// docs ("UDP GSO and GRO"). `S` is anything that lends a [`Socket`]: the socket itself,
/// `&Socket`, an `Arc<Socket>`.
///
/// ```
/// use sock::inet::{GsoSender, InetSocketExt};
/// use sock::{Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let to = sock::inet::decode(&rx.local_addr()?)?;
/// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
/// // 100 datagrams of 1000 bytes (more than one send can carry: two sendmsg calls).
/// assert_eq!(tx.send_segments_to(&vec![7u8; 100_000], 1000, to)?, 100_000);
/// let mut buf = [0u8; 2000];
/// for _ in 0..100 {
///     assert_eq!(rx.recv(&mut buf)?, 1000);
/// }
/// let stats = tx.stats();
/// assert_eq!((stats.segmented_sends, stats.segmented_datagrams, stats.plain_datagrams), (2, 100, 0));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct GsoSender<S = Socket> {
    sock: S,
    gso: UdpGso,
}

impl<S: AsRef<Socket>> GsoSender<S> {
    /// Probes `sock` (an AF_INET/AF_INET6 `SOCK_DGRAM` socket, else `InvalidInput`) and wraps
    /// it. A kernel without `UDP_SEGMENT` is no error: the sender sends plain datagrams
    /// ([`GsoSupport::KernelLacks`]).
    ///
    /// ```
    /// use sock::inet::GsoSender;
    /// use sock::{Family, Socket, Type};
    /// let tcp = Socket::new(Family::INET, Type::STREAM, None)?;
    /// let e = GsoSender::new(&tcp).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    /// assert!(e.to_string().starts_with("gso_probe "), "{e}");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(sock: S) -> io::Result<GsoSender<S>> {
        let gso = UdpGso::probe(sock.as_ref()).map_err(|e| context(e, "gso_probe", sock.as_ref().fileno()))?;
        Ok(GsoSender { sock, gso })
    }

    /// Sends `buf` on a connected socket as datagrams of `segment_size` bytes, the last
    /// possibly shorter (an empty `buf` is one empty datagram); returns the bytes sent.
    ///
    /// Any length: the buffer goes in as few `sendmsg` calls as the kernel allows (at most
    /// [`UDP_MAX_PAYLOAD`] bytes and 64 or 128 segments each). In timeout mode one deadline
    /// spans all of them. When an error stops the sends after some datagrams left (a
    /// non-blocking socket that would block, a timeout, an ICMP error), the bytes sent so far
    /// are returned — always a multiple of `segment_size`, so `&buf[n..]` sent again with the
    /// same size continues the same datagrams; the error comes again on the next call if it
    /// persists.
    ///
    /// Errors: `segment_size` 0 or above 65535 is `InvalidInput` (`segment_size`); the
    /// kernel's, unchanged, when the first datagram cannot be sent. `EIO`/`EINVAL`/`EMSGSIZE`
    /// of a segmented send is never returned: it makes the fallback (and if the plain sends
    /// fail too, theirs is the error).
    ///
    /// ```
    /// use sock::inet::GsoSender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET6, Type::DGRAM, None)?;
    /// rx.bind(("::1", 0))?;
    /// let tx = Socket::new(Family::INET6, Type::DGRAM, None)?;
    /// tx.connect(rx.local_addr()?)?;
    /// let tx = GsoSender::new(&tx)?;
    /// assert_eq!(tx.send_segments(&[1u8; 2500], 1000)?, 2500);
    /// let lens: Vec<usize> = (0..3).map(|_| rx.recv_vec(2000).map(|d| d.len())).collect::<Result<_, _>>()?;
    /// assert_eq!(lens, [1000, 1000, 500]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_segments(&self, buf: &[u8], segment_size: usize) -> io::Result<usize> {
        send_blocking(self.sock.as_ref(), &self.gso, buf, segment_size, None)
    }

    /// [`send_segments`](GsoSender::send_segments) to `to` (an unconnected socket).
    ///
    /// ```
    /// use sock::inet::GsoSender;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let to = sock::inet::decode(&rx.local_addr()?)?;
    /// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(tx.send_segments_to(&[1u8; 300], 100, to)?, 300);
    /// assert_eq!(rx.recv_vec(2000)?.len(), 100);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_segments_to(&self, buf: &[u8], segment_size: usize, to: SocketAddr) -> io::Result<usize> {
        send_blocking(self.sock.as_ref(), &self.gso, buf, segment_size, Some(&SockAddr::from(to)))
    }

    /// What the sends use now: the probe's answer, or the fallback learned since.
    ///
    /// ```
    /// use sock::inet::{GsoSender, GsoSupport};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.setsockopt_int(sock::consts::SOL_SOCKET, sock::consts::SO_NO_CHECK, 1)?; // GSO needs checksums
    /// let tx = GsoSender::new(tx)?;
    /// tx.send_segments_to(&[1u8; 3000], 1000, sock::inet::decode(&rx.local_addr()?)?)?;
    /// assert_eq!(tx.support(), GsoSupport::SendRefused { errno: libc::EINVAL });
    /// assert_eq!(tx.stats().plain_datagrams, 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn support(&self) -> GsoSupport {
        self.gso.support()
    }

    /// The counters of this sender's sends.
    ///
    /// ```
    /// use sock::inet::GsoSender;
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(tx.stats(), sock::inet::GsoStats::default());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stats(&self) -> GsoStats {
        self.gso.stats()
    }

    /// The socket, for its other methods.
    ///
    /// ```
    /// use sock::inet::GsoSender;
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(tx.socket().ty(), Type::DGRAM);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn socket(&self) -> &Socket {
        self.sock.as_ref()
    }

    /// The wrapped socket back.
    ///
    /// ```
    /// use sock::inet::GsoSender;
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// let sock: Socket = tx.into_inner();
    /// assert_eq!(sock.family(), Family::INET);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_inner(self) -> S {
        self.sock
    }
}

impl<S: AsRef<Socket>> AsRef<Socket> for GsoSender<S> {
    fn as_ref(&self) -> &Socket {
        self.sock.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_packs() {
        for s in [
            GsoSupport::Offload { max_segments: 64 },
            GsoSupport::Offload { max_segments: 128 },
            GsoSupport::KernelLacks { errno: libc::ENOPROTOOPT },
            GsoSupport::SendRefused { errno: libc::EIO },
            GsoSupport::SendRefused { errno: libc::EINVAL },
        ] {
            assert_eq!(GsoSupport::unpack(s.pack()), s);
        }
    }

    #[test]
    fn plan_steps() {
        let gso = UdpGso::with(GsoSupport::Offload { max_segments: 64 });
        let buf = vec![0u8; 200 * 1000 + 1];
        let mut plan = Plan::new(&gso, &buf, 1000).unwrap();
        let mut steps = Vec::new();
        while let Some(step) = plan.next() {
            steps.push((step.end - step.start, step.segmented));
            plan.record(step, Ok(step.end - step.start)).unwrap();
        }
        // 64 segments per send; with 128 the payload limit (65 segments of 1000) would cap it.
        assert_eq!(steps, [(64_000, true), (64_000, true), (64_000, true), (8001, true)]);
        let gso128 = UdpGso::with(GsoSupport::Offload { max_segments: 128 });
        let plan = Plan::new(&gso128, &buf, 1000).unwrap();
        let step = plan.next().unwrap();
        assert_eq!(step.end - step.start, 65_000);
        // A short tail rides along when the whole rest fits one send.
        let plan = Plan::new(&gso128, &buf[..65_400], 1000).unwrap();
        let step = plan.next().unwrap();
        assert_eq!((step.end - step.start, step.segmented), (65_400, true));
        // Segments too big for two per send go plain.
        let plan = Plan::new(&gso128, &buf, 40_000).unwrap();
        assert!(!plan.next().unwrap().segmented);
        // A refusal: the same bytes again, plain, then plain for good.
        let mut plan = Plan::new(&gso, &buf[..2500], 1000).unwrap();
        let step = plan.next().unwrap();
        assert!(step.segmented);
        plan.record(step, Err(io::Error::from_raw_os_error(libc::EIO))).unwrap();
        assert_eq!(gso.support(), GsoSupport::Offload { max_segments: 64 });
        let mut lens = Vec::new();
        while let Some(step) = plan.next() {
            assert!(!step.segmented);
            lens.push(step.end - step.start);
            plan.record(step, Ok(step.end - step.start)).unwrap();
        }
        assert_eq!(lens, [1000, 1000, 500]);
        assert_eq!(gso.support(), GsoSupport::SendRefused { errno: libc::EIO });
        // An empty buffer is one empty datagram.
        let mut plan = Plan::new(&gso, &[], 1000).unwrap();
        let step = plan.next().unwrap();
        plan.record(step, Ok(0)).unwrap();
        assert!(plan.next().is_none());
    }

    #[test]
    fn version_parses() {
        assert!(kernel_version().is_some_and(|v| v >= (2, 6)));
    }
}
