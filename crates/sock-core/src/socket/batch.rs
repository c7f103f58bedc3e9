//! Batching: `recvmmsg(2)` and `sendmmsg(2)` with reusable buffers, so a batch of datagrams
//! costs one syscall and no allocation once the batch is built.
//!
//! ```
//! use sock::{Socket, Family, Type, RecvBatch, SendBatch, OutMsg};
//! let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
//! let mut out = SendBatch::new();
//! let msgs = [OutMsg::new(b"one"), OutMsg::new(b"two"), OutMsg::new(b"three")];
//! assert_eq!(a.send_many(&msgs, &mut out, 0)?, 3);
//! let mut batch = RecvBatch::new(32, 2048)?;
//! assert_eq!(b.recv_many(&mut batch, 0)?, 3);
//! let got: Vec<&[u8]> = batch.iter().map(|m| m.data).collect();
//! assert_eq!(got, [&b"one"[..], b"two", b"three"]);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

use libc::c_int;

use super::io::{filled_vec, zeroed_vec};
use super::msg::rights_fds;
use super::Socket;
use crate::addr::{SockAddr, SOCKADDR_MAX};
use crate::cmsg::CmsgIter;
use crate::consts;
use crate::error::{cvt, invalid_input};
use crate::flags::MsgFlags;
use crate::wait::Interest;

/// A zeroed `mmsghdr`.
fn zeroed_mmsghdr() -> libc::mmsghdr {
    libc::mmsghdr { msg_hdr: crate::pod::zeroed_msghdr(), msg_len: 0 }
}

/// Reusable buffers for [`Socket::recv_many`]: `count` slots of `slot_size` data bytes, each
/// with room for an address and `control_size` bytes of ancillary data. Building it allocates;
/// receiving into it does not.
///
/// ```
/// use sock::{Family, RecvBatch, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// tx.bind(("127.0.0.1", 0))?;
/// for word in ["a", "bb", "ccc"] {
///     tx.send_to(word.as_bytes(), &rx.local_addr()?)?;
/// }
/// let mut batch = RecvBatch::new(16, 1500)?; // built once, reused for every call
/// assert_eq!(rx.recv_many(&mut batch, 0)?, 3); // one syscall
/// assert!(batch.iter().all(|m| *m.addr == tx.local_addr().unwrap()));
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct RecvBatch {
    slot_size: usize,
    control_size: usize,
    data: Vec<u8>,
    control: Vec<u8>,
    addrs: Vec<SockAddr>,
    iovs: Vec<libc::iovec>,
    hdrs: Vec<libc::mmsghdr>,
    /// The fds that arrived in `SCM_RIGHTS` items of the last call, owned by the batch until
    /// taken (closed at the next call or on drop).
    fds: Vec<Option<OwnedFd>>,
    /// `fds[fd_ends[i - 1]..fd_ends[i]]` are message `i`'s fds.
    fd_ends: Vec<usize>,
    /// `MSG_CMSG_CLOEXEC` when the batch added it to the caller's flags (then it is removed
    /// from the reported `msg_flags`).
    added_flags: c_int,
    received: usize,
    /// How many leading headers the kernel may have changed (`msg_namelen`, `msg_controllen`)
    /// since they were last reset; the next call resets exactly those.
    dirty: usize,
}

// SAFETY: the raw pointers inside `iovs` and `hdrs` point only into this batch's own heap
// buffers, are rewritten before every syscall, and are never dereferenced outside a call that
// holds `&mut self`; sharing or sending the batch cannot create aliasing access.
unsafe impl Send for RecvBatch {}
// SAFETY: as above; `&RecvBatch` only reads the owned Vec<u8>/SockAddr data, never the pointers.
unsafe impl Sync for RecvBatch {}

impl std::fmt::Debug for RecvBatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecvBatch")
            .field("slots", &self.addrs.len())
            .field("slot_size", &self.slot_size)
            .field("control_size", &self.control_size)
            .field("received", &self.received)
            .finish()
    }
}

/// One message of a [`RecvBatch`].
///
/// ```
/// use sock::{Family, MsgFlags, RecvBatch, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// a.send(b"short")?;
/// a.send(b"longer than the slot")?;
/// let mut batch = RecvBatch::new(4, 8)?;
/// b.recv_many(&mut batch, 0)?;
/// let m = batch.get(1).unwrap();
/// assert_eq!((m.data, m.flags.contains(MsgFlags::TRUNC)), (&b"longer t"[..], true));
/// assert!(m.control.is_empty()); // no control buffers in this batch
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct BatchMsg<'a> {
    /// The bytes received (at most the slot size).
    pub data: &'a [u8],
    /// The sender's address.
    pub addr: &'a SockAddr,
    /// The ancillary data the kernel wrote (parse with [`CmsgIter`](crate::cmsg::CmsgIter)).
    pub control: &'a [u8],
    /// `msg_flags` (`MSG_TRUNC`, `MSG_CTRUNC` ...). `MSG_CMSG_CLOEXEC`, which Linux echoes,
    /// is reported only if the caller passed it.
    pub flags: MsgFlags,
}

impl RecvBatch {
    /// A batch of `count` slots of `slot_size` bytes, without ancillary data.
    ///
    /// Errors: `InvalidInput` naming the argument when `count * slot_size` overflows or the
    /// memory cannot be allocated (never an abort).
    ///
    /// ```
    /// use sock::RecvBatch;
    /// let batch = RecvBatch::new(64, 2048)?;
    /// assert_eq!((batch.capacity(), batch.len()), (64, 0));
    /// assert!(RecvBatch::new(usize::MAX, 2).is_err()); // overflows: an error, not an abort
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(count: usize, slot_size: usize) -> io::Result<RecvBatch> {
        RecvBatch::with_control(count, slot_size, 0)
    }

    /// A batch whose slots also hold `control_size` bytes of ancillary data each.
    ///
    /// Errors: `InvalidInput` naming the argument when a size product overflows or cannot be
    /// allocated, or when `control_size` exceeds what a `msghdr` can describe.
    ///
    /// ```
    /// use sock::{cmsg_space, Family, RecvBatch, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set_timestamp_ns(true)?;
    /// rx.send_to(b"stamped", &rx.local_addr()?)?;
    /// let mut batch = RecvBatch::with_control(8, 1500, cmsg_space(16)?)?;
    /// rx.recv_many(&mut batch, 0)?;
    /// let item = sock::cmsg::CmsgIter::new(batch.get(0).unwrap().control).next().unwrap();
    /// assert!(sock::cmsg::timestamp(&item).is_some());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_control(count: usize, slot_size: usize, control_size: usize) -> io::Result<RecvBatch> {
        let data_len =
            count.checked_mul(slot_size).ok_or_else(|| invalid_input("slot_size", "count * slot_size overflows"))?;
        let control_len = count
            .checked_mul(control_size)
            .ok_or_else(|| invalid_input("control_size", "count * control_size overflows"))?;
        if control_size > crate::cmsg::LIMIT {
            return Err(invalid_input("control_size", "invalid ancillary data buffer length"));
        }
        let mut batch = RecvBatch {
            slot_size,
            control_size,
            data: zeroed_vec(data_len, "slot_size")?,
            control: zeroed_vec(control_len, "control_size")?,
            addrs: filled_vec(count, SockAddr::empty(), "count")?,
            iovs: filled_vec(count, libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 }, "count")?,
            hdrs: filled_vec(count, zeroed_mmsghdr(), "count")?,
            fds: Vec::new(),
            fd_ends: filled_vec(count, 0, "count")?,
            added_flags: 0,
            received: 0,
            dirty: 0,
        };
        batch.point_headers();
        Ok(batch)
    }

    /// How many messages the last [`Socket::recv_many`] received.
    ///
    /// ```
    /// use sock::{Family, RecvBatch, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut batch = RecvBatch::new(8, 64)?;
    /// a.send(b"1")?;
    /// a.send(b"2")?;
    /// b.recv_many(&mut batch, 0)?;
    /// assert_eq!(batch.len(), 2);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.received
    }

    /// Whether the last call received nothing (or none was made).
    ///
    /// ```
    /// use sock::{Family, MsgFlags, RecvBatch, Socket, Type};
    /// let (_a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut batch = RecvBatch::new(8, 64)?;
    /// assert!(batch.is_empty());
    /// assert!(b.recv_many(&mut batch, MsgFlags::DONTWAIT).is_err()); // nothing queued
    /// assert!(batch.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.received == 0
    }

    /// The number of slots.
    ///
    /// ```
    /// use sock::RecvBatch;
    /// assert_eq!(RecvBatch::new(32, 1500)?.capacity(), 32);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn capacity(&self) -> usize {
        self.addrs.len()
    }

    /// Message `i` of the last call.
    ///
    /// ```
    /// use sock::{Family, RecvBatch, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"first")?;
    /// let mut batch = RecvBatch::new(8, 64)?;
    /// b.recv_many(&mut batch, 0)?;
    /// assert_eq!(batch.get(0).map(|m| m.data), Some(&b"first"[..]));
    /// assert!(batch.get(1).is_none()); // only one arrived
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn get(&self, i: usize) -> Option<BatchMsg<'_>> {
        if i >= self.received {
            return None;
        }
        let hdr = &self.hdrs[i];
        let len = (hdr.msg_len as usize).min(self.slot_size);
        let data = &self.data[i * self.slot_size..i * self.slot_size + len];
        #[allow(clippy::unnecessary_cast)] // size_t on glibc, socklen_t on musl
        let clen = (hdr.msg_hdr.msg_controllen as usize).min(self.control_size);
        let control = &self.control[i * self.control_size..i * self.control_size + clen];
        let flags = hdr.msg_hdr.msg_flags & !self.added_flags;
        Some(BatchMsg { data, addr: &self.addrs[i], control, flags: MsgFlags::from_bits(flags) })
    }

    /// The range of `fds` that belongs to message `i` (empty past the last message).
    fn fd_range(&self, i: usize) -> std::ops::Range<usize> {
        if i >= self.received {
            return 0..0;
        }
        let start = if i == 0 { 0 } else { self.fd_ends[i - 1] };
        start..self.fd_ends[i]
    }

    /// The fds that message `i` carried in `SCM_RIGHTS` items and that have not been taken,
    /// borrowed from the batch. The batch owns every received fd: those not taken with
    /// [`RecvBatch::take_fds`] are closed by the next [`Socket::recv_many`] or when the batch
    /// is dropped, so ignoring them leaks nothing. (The fd numbers inside
    /// [`BatchMsg::control`] refer to these same fds.)
    ///
    /// ```
    /// use sock::{Family, RecvBatch, Socket, Type};
    /// use std::io::IoSlice;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"x")], &[std::io::stdin()], 0, None)?;
    /// a.send(b"no fd")?;
    /// let mut batch = RecvBatch::with_control(4, 16, 64)?;
    /// assert_eq!(b.recv_many(&mut batch, 0)?, 2);
    /// assert_eq!((batch.fds(0).count(), batch.fds(1).count()), (1, 0));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn fds(&self, i: usize) -> impl Iterator<Item = BorrowedFd<'_>> + '_ {
        self.fds[self.fd_range(i)].iter().flatten().map(AsFd::as_fd)
    }

    /// Takes ownership of the fds of message `i` (see [`RecvBatch::fds`]); a second call
    /// returns none.
    ///
    /// ```
    /// use sock::{Family, RecvBatch, Socket, Type};
    /// use std::io::IoSlice;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"x")], &[std::io::stdin()], 0, None)?;
    /// let mut batch = RecvBatch::with_control(4, 16, 64)?;
    /// b.recv_many(&mut batch, 0)?;
    /// let fds = batch.take_fds(0); // ours now: they outlive the batch's next call
    /// assert_eq!(fds.len(), 1);
    /// assert!(batch.take_fds(0).is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn take_fds(&mut self, i: usize) -> Vec<OwnedFd> {
        let range = self.fd_range(i);
        self.fds[range].iter_mut().filter_map(Option::take).collect()
    }

    /// Takes ownership of the `SCM_RIGHTS` fds that the kernel installed for the first `n`
    /// messages (whole ints only, as [`Socket::recv_msg_fds`]).
    fn adopt_fds(&mut self, n: usize) {
        self.fds.clear();
        if self.control_size == 0 {
            return; // no control buffers, no fds: every `fd_ends` stays 0 from construction
        }
        for i in 0..n {
            #[allow(clippy::unnecessary_cast)] // size_t on glibc, socklen_t on musl
            let clen = (self.hdrs[i].msg_hdr.msg_controllen as usize).min(self.control_size);
            let start = i * self.control_size;
            for item in CmsgIter::new(&self.control[start..start + clen]) {
                if item.level == consts::SOL_SOCKET && item.ty == consts::SCM_RIGHTS {
                    for fd in rights_fds(item.data) {
                        // The kernel installed this fd (SCM_RIGHTS, whole int) during the
                        // recvmmsg that just returned; nothing else knows it.
                        // SAFETY: so the batch is its only owner.
                        self.fds.push(Some(unsafe { OwnedFd::from_raw_fd(fd) }));
                    }
                }
            }
            self.fd_ends[i] = self.fds.len();
        }
    }

    /// The messages of the last call, in order.
    ///
    /// ```
    /// use sock::{Family, RecvBatch, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// for n in 1..=3u8 {
    ///     a.send(&[n; 2])?;
    /// }
    /// let mut batch = RecvBatch::new(8, 64)?;
    /// b.recv_many(&mut batch, 0)?;
    /// let sum: u32 = batch.iter().flat_map(|m| m.data).map(|&x| u32::from(x)).sum();
    /// assert_eq!((batch.iter().len(), sum), (3, 12));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = BatchMsg<'_>> + '_ {
        (0..self.received).map(|i| self.get(i).expect("index below received"))
    }

    /// Resets what the kernel changed in the headers of earlier calls; no allocation, and
    /// nothing at all after a call without ancillary data (the receive loop already reset
    /// `msg_namelen` as it read it).
    #[inline]
    fn prepare(&mut self) {
        if self.dirty != 0 {
            self.reset_headers();
        }
    }

    /// Resets `msg_namelen` and `msg_controllen` of the first `dirty` headers.
    #[cold]
    fn reset_headers(&mut self) {
        let controllen = self.control_size as _;
        for hdr in &mut self.hdrs[..self.dirty.min(self.addrs.len())] {
            hdr.msg_hdr.msg_namelen = SOCKADDR_MAX as libc::socklen_t;
            hdr.msg_hdr.msg_controllen = controllen;
        }
        self.dirty = 0;
    }

    /// Reads the addresses' lengths of the `n` messages just received and resets those
    /// headers' `msg_namelen` for the next call in the same pass. (`msg_controllen` stays as
    /// the kernel wrote it until the next call: [`RecvBatch::get`] reads it; the caller marks
    /// those headers `dirty`.)
    #[inline]
    fn finish(&mut self, n: usize) {
        let n = n.min(self.addrs.len());
        for (hdr, addr) in self.hdrs[..n].iter_mut().zip(&mut self.addrs[..n]) {
            addr.set_len(hdr.msg_hdr.msg_namelen);
            hdr.msg_hdr.msg_namelen = SOCKADDR_MAX as libc::socklen_t;
        }
        self.received = n;
    }

    /// Points every header at this batch's buffers, once, when the batch is built: the
    /// buffers are heap allocations that never move or grow afterwards, so the pointers stay
    /// valid when the batch itself moves.
    fn point_headers(&mut self) {
        let count = self.addrs.len();
        let data = self.data.as_mut_ptr();
        let control = self.control.as_mut_ptr();
        for i in 0..count {
            self.iovs[i] = libc::iovec {
                // `wrapping_add` keeps this safe code; the offset is within `data` by construction.
                iov_base: data.wrapping_add(i * self.slot_size).cast(),
                iov_len: self.slot_size,
            };
            let hdr = &mut self.hdrs[i].msg_hdr;
            hdr.msg_name = self.addrs[i].storage_mut_ptr().cast();
            hdr.msg_namelen = SOCKADDR_MAX as libc::socklen_t;
            hdr.msg_iov = &mut self.iovs[i];
            hdr.msg_iovlen = 1;
            hdr.msg_control = if self.control_size > 0 {
                control.wrapping_add(i * self.control_size).cast()
            } else {
                std::ptr::null_mut()
            };
            hdr.msg_controllen = self.control_size as _;
            hdr.msg_flags = 0;
            self.hdrs[i].msg_len = 0;
        }
    }
}

/// One message for [`Socket::send_many`]: data, an optional destination, optional ancillary
/// data.
///
/// ```
/// use sock::{Family, OutMsg, RecvBatch, SendBatch, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let to = rx.local_addr()?;
/// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// let msgs = [OutMsg::to(b"one", &to), OutMsg { data: b"two", addr: Some(&to), control: &[] }];
/// assert_eq!(tx.send_many(&msgs, &mut SendBatch::new(), 0)?, 2);
/// let mut batch = RecvBatch::new(4, 16)?;
/// assert_eq!(rx.recv_many(&mut batch, 0)?, 2);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct OutMsg<'a> {
    /// The bytes to send.
    pub data: &'a [u8],
    /// Where to (unconnected sockets).
    pub addr: Option<&'a SockAddr>,
    /// Ancillary data built with [`CmsgWriter`](crate::cmsg::CmsgWriter).
    pub control: &'a [u8],
}

impl<'a> OutMsg<'a> {
    /// A message of `data` for a connected socket.
    ///
    /// ```
    /// use sock::{Family, OutMsg, SendBatch, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?; // connected: no address
    /// a.send_many(&[OutMsg::new(b"hello")], &mut SendBatch::new(), 0)?;
    /// assert_eq!(b.recv_vec(16)?, b"hello");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(data: &'a [u8]) -> Self {
        OutMsg { data, addr: None, control: &[] }
    }

    /// A message of `data` to `addr`.
    ///
    /// ```
    /// use sock::{Family, OutMsg, SendBatch, Socket, Type};
    /// let (rx1, rx2) = (Socket::new(Family::INET, Type::DGRAM, None)?, Socket::new(Family::INET, Type::DGRAM, None)?);
    /// rx1.bind(("127.0.0.1", 0))?;
    /// rx2.bind(("127.0.0.1", 0))?;
    /// let (to1, to2) = (rx1.local_addr()?, rx2.local_addr()?);
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.send_many(&[OutMsg::to(b"for 1", &to1), OutMsg::to(b"for 2", &to2)], &mut SendBatch::new(), 0)?;
    /// assert_eq!((rx1.recv_vec(8)?, rx2.recv_vec(8)?), (b"for 1".to_vec(), b"for 2".to_vec()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn to(data: &'a [u8], addr: &'a SockAddr) -> Self {
        OutMsg { data, addr: Some(addr), control: &[] }
    }
}

/// What [`Socket::send_many`] sends: an [`OutMsg`], or any byte buffer (`&[u8]`, `Vec<u8>`,
/// a CAN frame ...) as a message for a connected socket — so a slice of frames goes out
/// without building a slice of `OutMsg`s first.
///
/// ```
/// use sock::{Family, SendBatch, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// // Byte buffers are messages for a connected socket as they are:
/// let frames: Vec<Vec<u8>> = vec![vec![1; 8], vec![2; 8]];
/// assert_eq!(a.send_many(&frames, &mut SendBatch::new(), 0)?, 2);
/// assert_eq!(b.recv_vec(16)?, [1; 8]);
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait AsOutMsg {
    /// Whether every value of this type is data only: no address, no ancillary data. Then
    /// [`Socket::send_many`] reads only [`OutMsg::data`] of [`as_out_msg`](AsOutMsg::as_out_msg)
    /// and, once a [`SendBatch`]'s headers carry no address or control buffer, rewrites only
    /// the data pointers (the byte-buffer impl says `true`; [`OutMsg`] says `false`).
    const DATA_ONLY: bool = false;

    /// This value as one message.
    fn as_out_msg(&self) -> OutMsg<'_>;
}

impl AsOutMsg for OutMsg<'_> {
    fn as_out_msg(&self) -> OutMsg<'_> {
        *self
    }
}

impl<T: AsRef<[u8]>> AsOutMsg for T {
    const DATA_ONLY: bool = true;

    fn as_out_msg(&self) -> OutMsg<'_> {
        OutMsg::new(self.as_ref())
    }
}

/// Reusable header storage for [`Socket::send_many`]; it grows to the largest batch sent and
/// then never allocates again.
///
/// ```
/// use sock::{Family, SendBatch, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// let mut out = SendBatch::with_capacity(64);
/// for round in 0..3u8 {
///     let msgs = [[round; 4], [round; 4]];
///     assert_eq!(a.send_many(&msgs, &mut out, 0)?, 2); // no allocation after the first
/// }
/// assert_eq!(b.recv_vec(8)?, [0; 4]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Default)]
pub struct SendBatch {
    iovs: Vec<libc::iovec>,
    hdrs: Vec<libc::mmsghdr>,
    sent: usize,
    /// How many leading headers have no address and no control buffer (what a data-only
    /// send needs), so a data-only send within them rewrites only the iovecs.
    data_only: usize,
}

// SAFETY: the pointers stored in the headers refer to caller data only during a `send_many`
// call holding `&mut self`; outside it they are stale and never dereferenced.
unsafe impl Send for SendBatch {}
// SAFETY: `&SendBatch` only exposes the `msg_len` integers.
unsafe impl Sync for SendBatch {}

impl std::fmt::Debug for SendBatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SendBatch").field("capacity", &self.hdrs.len()).field("sent", &self.sent).finish()
    }
}

impl SendBatch {
    /// Empty storage.
    ///
    /// ```
    /// use sock::SendBatch;
    /// let out = SendBatch::new(); // grows to the largest batch sent
    /// assert_eq!(out.sent_len(0), None);
    /// ```
    pub fn new() -> Self {
        SendBatch::default()
    }

    /// Storage for batches of up to `count` messages, allocated now.
    ///
    /// ```
    /// use sock::SendBatch;
    /// let out = SendBatch::with_capacity(1024); // the most one sendmmsg takes
    /// assert_eq!(format!("{out:?}"), "SendBatch { capacity: 1024, sent: 0 }");
    /// ```
    pub fn with_capacity(count: usize) -> Self {
        let mut b = SendBatch::default();
        b.grow(count);
        b
    }

    #[inline]
    fn grow(&mut self, count: usize) {
        if self.hdrs.len() < count {
            self.grow_to(count);
        }
    }

    /// Adds headers until there are `count` (only when a call sends more than ever before).
    #[cold]
    fn grow_to(&mut self, count: usize) {
        let all_data_only = self.data_only == self.hdrs.len();
        while self.hdrs.len() < count {
            self.hdrs.push(zeroed_mmsghdr());
            self.iovs.push(libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 });
        }
        // Pushing may have moved the iovecs: point every header at its own again. Only this
        // function grows the vectors, so the pointers then stay valid (moving the batch does
        // not move the heap buffers).
        for (hdr, iov) in self.hdrs.iter_mut().zip(&mut self.iovs) {
            hdr.msg_hdr.msg_iov = iov;
            hdr.msg_hdr.msg_iovlen = 1;
        }
        if all_data_only {
            self.data_only = self.hdrs.len(); // the new headers are zeroed
        }
    }

    /// How many bytes of message `i` the last call sent.
    ///
    /// ```
    /// use sock::{Family, SendBatch, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut out = SendBatch::new();
    /// a.send_many(&[&b"abc"[..], &b"defgh"[..]], &mut out, 0)?;
    /// assert_eq!((out.sent_len(0), out.sent_len(1), out.sent_len(2)), (Some(3), Some(5), None));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn sent_len(&self, i: usize) -> Option<usize> {
        (i < self.sent).then(|| self.hdrs[i].msg_len as usize)
    }
}

/// Points the headers at `msgs` (data, address, control), checking each address's family.
/// For a [`AsOutMsg::DATA_ONLY`] type the address and control are left out whatever
/// `as_out_msg` says, so the headers keep the "no address, no control" state the batch
/// counts on.
#[inline]
fn fill_headers<M: AsOutMsg>(
    sock: &Socket,
    msgs: &[M],
    hdrs: &mut [libc::mmsghdr],
    iovs: &mut [libc::iovec],
) -> io::Result<()> {
    for ((m, hdr), iov) in msgs.iter().zip(hdrs).zip(iovs) {
        let m = m.as_out_msg();
        *iov = libc::iovec { iov_base: m.data.as_ptr().cast_mut().cast(), iov_len: m.data.len() };
        let (addr, control) = if M::DATA_ONLY { (None, &[][..]) } else { (m.addr, m.control) };
        let hdr = &mut hdr.msg_hdr;
        (hdr.msg_name, hdr.msg_namelen) = match addr {
            Some(a) => {
                sock.check_addr_family(a, "send_many")?;
                (a.as_ptr().cast_mut().cast(), a.socklen())
            }
            None => (std::ptr::null_mut(), 0),
        };
        (hdr.msg_control, hdr.msg_controllen) = if control.is_empty() {
            (std::ptr::null_mut(), 0)
        } else {
            (control.as_ptr().cast_mut().cast(), control.len() as _)
        };
    }
    Ok(())
}

/// `sendmmsg`/`recvmmsg` take at most this many messages per call (UIO_MAXIOV).
const MAX_BATCH: usize = 1024;

impl Socket {
    /// Receives up to `batch.capacity()` messages with one `recvmmsg(2)`: waits (per the
    /// socket's mode) for the first, then takes whatever else is already queued
    /// (`MSG_WAITFORONE`). Returns how many arrived; read them with [`RecvBatch::iter`].
    /// On AF_UNIX sockets with control buffers `MSG_CMSG_CLOEXEC` is always added, and every
    /// fd that arrives in an `SCM_RIGHTS` item is owned by the batch ([`RecvBatch::take_fds`]),
    /// so none leaks (without control buffers the kernel delivers no fds at all).
    ///
    /// ```
    /// use sock::{Family, RecvBatch, Socket, Type};
    /// use std::time::Duration;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// b.set_timeout(Some(Duration::from_secs(1)))?; // waits for the first message only
    /// let mut batch = RecvBatch::new(32, 256)?;
    /// a.send(b"one")?;
    /// a.send(b"two")?;
    /// assert_eq!(b.recv_many(&mut batch, 0)?, 2);
    /// assert_eq!(batch.get(1).unwrap().data, b"two");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_many(&self, batch: &mut RecvBatch, flags: impl Into<MsgFlags>) -> io::Result<usize> {
        let flags = flags.into().bits();
        let count = batch.capacity().min(MAX_BATCH);
        if count == 0 {
            return Err(invalid_input("batch", "has no slots"));
        }
        // Without control buffers no fd can arrive (the kernel drops them and says
        // MSG_CTRUNC), so neither MSG_CMSG_CLOEXEC nor the fd list is needed then.
        let has_control = batch.control_size > 0;
        let cloexec = if has_control { self.cloexec_flag() } else { 0 };
        batch.added_flags = cloexec & !flags;
        let flags = flags | consts::MSG_WAITFORONE | cloexec;
        if has_control {
            batch.fds.clear();
        }
        let n = self.call_flags("recvmmsg", Interest::Read, flags, || {
            batch.prepare();
            // The headers were pointed at construction; `prepare`/`finish` reset their lengths.
            // SAFETY: so each points at this batch's own live buffers (name, one iovec,
            // control) with their true lengths; `count` ≤ the number of headers.
            let n = unsafe {
                libc::recvmmsg(
                    self.as_fd().as_raw_fd(),
                    batch.hdrs.as_mut_ptr(),
                    count as _,
                    flags as _,
                    std::ptr::null_mut(),
                )
            };
            let n = cvt(n);
            if n.is_err() {
                // Cold: nothing received (every error of the call passes here first, a wait's
                // too), and whatever the kernel may have touched is reset next time.
                batch.received = 0;
                batch.dirty = count;
            }
            n
        })? as usize;
        batch.finish(n);
        if batch.control_size > 0 {
            // `msg_controllen` stays as the kernel wrote it (`get` reads it) until the next
            // call resets it; without control buffers `dirty` stays 0 (`prepare` cleared it).
            batch.dirty = n;
            batch.adopt_fds(n);
        }
        Ok(n)
    }

    /// Sends `msgs` with one `sendmmsg(2)` (at most 1024 per call); returns how many were sent
    /// (per-message byte counts in [`SendBatch::sent_len`]). Waits per the socket's mode until
    /// at least one can be sent.
    ///
    /// ```
    /// use sock::{Family, OutMsg, SendBatch, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
    /// let mut out = SendBatch::new();
    /// let msgs = [OutMsg::new(b"record 1"), OutMsg::new(b"record 2")];
    /// assert_eq!(a.send_many(&msgs, &mut out, 0)?, 2); // one sendmmsg
    /// assert_eq!((b.recv_vec(64)?, b.recv_vec(64)?), (b"record 1".to_vec(), b"record 2".to_vec()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_many<M: AsOutMsg>(
        &self,
        msgs: &[M],
        batch: &mut SendBatch,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<usize> {
        let flags = flags.into().bits();
        let count = msgs.len().min(MAX_BATCH);
        if count == 0 {
            return Ok(0);
        }
        batch.grow(count);
        batch.sent = 0;
        // The headers point at the callers' messages, borrowed for this whole call: fill them
        // once (a wait for writability and retry reuse them). `msg_iov`, `msg_iovlen` and
        // `msg_flags` were set when the headers were made.
        // `grow` made at least `count` headers and iovecs: zipping with `msgs` covers `count`.
        let msgs = &msgs[..count];
        if M::DATA_ONLY && count <= batch.data_only {
            // The headers already say "no address, no control": only the data changes.
            for (m, iov) in msgs.iter().zip(&mut batch.iovs) {
                let data = m.as_out_msg().data;
                *iov = libc::iovec { iov_base: data.as_ptr().cast_mut().cast(), iov_len: data.len() };
            }
        } else {
            batch.data_only = if M::DATA_ONLY { count } else { 0 };
            fill_headers(self, msgs, &mut batch.hdrs, &mut batch.iovs)?;
        }
        let n = self.call_flags("sendmmsg", Interest::Write, flags, || {
            let (fd, hdrs) = (self.as_fd().as_raw_fd(), batch.hdrs.as_mut_ptr());
            // The first `count` headers point at our iovecs, which point at the callers' live,
            // borrowed data; each address and control buffer is the caller's live, borrowed
            // one or null with length 0 (`fill_headers`, or the `data_only` state it recorded).
            // SAFETY: so sendmmsg reads only live memory of the right lengths.
            let n = unsafe { libc::sendmmsg(fd, hdrs, count as _, flags as _) };
            cvt(n)
        })? as usize;
        batch.sent = n;
        Ok(n)
    }
}
