//! `sendmsg`/`recvmsg`: scatter/gather I/O with ancillary data.

use std::io::{self, IoSlice, IoSliceMut};
use std::os::fd::{FromRawFd, OwnedFd};

use libc::c_int;

use super::io::zeroed_vec;
use super::Socket;
use crate::addr::SockAddr;
use crate::cmsg::{Cmsg, CmsgIter, LIMIT};
use crate::consts;
use crate::error::invalid_input;
use crate::flags::MsgFlags;
use crate::sys;
use crate::wait::Interest;

/// What one `recvmsg(2)` returned besides the data itself.
///
/// ```
/// use sock::{Family, Socket, Type};
/// use std::io::IoSliceMut;
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// tx.bind(("127.0.0.1", 0))?;
/// tx.send_to(b"header+body", &rx.local_addr()?)?;
/// let (mut head, mut body) = ([0u8; 7], [0u8; 16]);
/// let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut body)], &mut [], 0)?;
/// assert_eq!((msg.bytes, &head, &body[..4]), (11, b"header+", &b"body"[..]));
/// assert_eq!((msg.control_len, msg.addr), (0, tx.local_addr()?));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RecvMsg {
    /// Bytes received into the buffers (with `MSG_TRUNC` on a datagram socket, the datagram's
    /// real length may be larger; see [`RecvMsg::is_truncated`]).
    pub bytes: usize,
    /// How much of the control buffer the kernel filled: parse `&control[..control_len]`.
    pub control_len: usize,
    /// `msg_flags`: `MSG_TRUNC`, `MSG_CTRUNC`, `MSG_EOR`, `MSG_OOB`, `MSG_ERRQUEUE`.
    pub flags: MsgFlags,
    /// The sender's address (empty for a connected stream).
    pub addr: SockAddr,
}

impl RecvMsg {
    /// `MSG_TRUNC`: the datagram was longer than the buffers.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::io::IoSliceMut;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"a long datagram")?;
    /// let msg = b.recv_msg(&mut [IoSliceMut::new(&mut [0u8; 4])], &mut [], 0)?;
    /// assert!(msg.is_truncated()); // the rest of the datagram is gone
    /// assert_eq!(msg.bytes, 4);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_truncated(&self) -> bool {
        self.flags.contains(MsgFlags::TRUNC)
    }

    /// `MSG_CTRUNC`: some ancillary data did not fit the control buffer. Not an error, as in
    /// CPython; the items that fit are still in the buffer.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::io::{IoSlice, IoSliceMut};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"x")], &[std::io::stdin()], 0, None)?;
    /// let mut small = [0u8; 8]; // too small for one SCM_RIGHTS item
    /// let msg = b.recv_msg(&mut [IoSliceMut::new(&mut [0u8; 1])], &mut small, 0)?;
    /// assert!(msg.is_control_truncated()); // not an error, as in CPython
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_control_truncated(&self) -> bool {
        self.flags.contains(MsgFlags::CTRUNC)
    }
}

/// What one `recvmsg(2)` returned besides the data and the address:
/// [`Socket::recv_msg_addr`]'s result (the same fields as [`RecvMsg`] without its address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecvMeta {
    /// Bytes received into the buffers.
    pub bytes: usize,
    /// How much of the control buffer the kernel filled: parse `&control[..control_len]`.
    pub control_len: usize,
    /// `msg_flags`: `MSG_TRUNC`, `MSG_CTRUNC`, `MSG_EOR`, `MSG_OOB`, `MSG_ERRQUEUE`.
    pub flags: MsgFlags,
}

impl RecvMeta {
    /// `MSG_TRUNC`: the datagram was longer than the buffers.
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// use std::io::IoSliceMut;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.send(b"a long datagram")?;
    /// let meta = b.recv_msg_addr(&mut [IoSliceMut::new(&mut [0u8; 4])], &mut [], MsgFlags::NONE, None)?;
    /// assert!(meta.is_truncated());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_truncated(&self) -> bool {
        self.flags.contains(MsgFlags::TRUNC)
    }

    /// `MSG_CTRUNC`: some ancillary data did not fit the control buffer (not an error).
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// use std::io::{IoSlice, IoSliceMut};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"x")], &[std::io::stdin()], 0, None)?;
    /// let mut tiny = [0u8; 4]; // no room for the SCM_RIGHTS item
    /// let meta = b.recv_msg_addr(&mut [IoSliceMut::new(&mut [0u8; 1])], &mut tiny, MsgFlags::NONE, None)?;
    /// assert!(meta.is_control_truncated());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_control_truncated(&self) -> bool {
        self.flags.contains(MsgFlags::CTRUNC)
    }
}

/// One ancillary item of [`RecvMsgOwned`].
///
/// ```
/// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
/// use sock::{Family, Socket, Type};
/// use std::io::IoSlice;
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// sock::send_fds(&a, &[IoSlice::new(b"x")], &[std::io::stdin(), std::io::stdin()], 0, None)?;
/// let msg = b.recv_msg_vec(1, 64, 0)?;
/// let item = &msg.ancdata[0];
/// assert_eq!((item.level, item.ty, item.data.len(), item.truncated), (SOL_SOCKET, SCM_RIGHTS, 8, false));
/// assert_eq!(item.fds.len(), 2); // owned: closed when `msg` drops
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct AncData {
    /// `cmsg_level`.
    pub level: c_int,
    /// `cmsg_type`.
    pub ty: c_int,
    /// The data bytes (for `SCM_RIGHTS`, the fd numbers as received).
    pub data: Vec<u8>,
    /// Whether the item was cut short by the control buffer's end.
    pub truncated: bool,
    /// For `SOL_SOCKET`/`SCM_RIGHTS`: the received fds, owned (closed on drop). Partial ints
    /// of a truncated item are not fds and are not kept.
    pub fds: Vec<OwnedFd>,
}

impl AncData {
    /// This item as a borrowed [`Cmsg`]: the one form every family's typed decoder reads
    /// ([`Cmsg::decode`]), so owned and borrowed ancillary data decode the same way.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::io::IoSlice;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"x")], &[std::io::stdin()], 0, None)?;
    /// let msg = b.recv_msg_vec(1, 64, 0)?;
    /// let item = msg.ancdata[0].as_cmsg();
    /// assert_eq!((item.level, item.ty), (sock::consts::SOL_SOCKET, sock::consts::SCM_RIGHTS));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_cmsg(&self) -> Cmsg<'_> {
        Cmsg { level: self.level, ty: self.ty, data: &self.data, truncated: self.truncated }
    }
}

impl<'a> From<&'a AncData> for Cmsg<'a> {
    fn from(item: &'a AncData) -> Cmsg<'a> {
        item.as_cmsg()
    }
}

/// CPython's `recvmsg()` result: owned data, ancillary items, `msg_flags` and the address.
///
/// ```
/// use sock::{Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// tx.bind(("127.0.0.1", 0))?;
/// tx.send_to(b"ping", &rx.local_addr()?)?;
/// let msg = rx.recv_msg_vec(64, 0, 0)?;
/// assert_eq!((msg.data.as_slice(), msg.addr), (&b"ping"[..], tx.local_addr()?));
/// assert!(msg.ancdata.is_empty() && msg.flags.is_empty());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct RecvMsgOwned {
    /// The bytes received.
    pub data: Vec<u8>,
    /// The ancillary items, in order.
    pub ancdata: Vec<AncData>,
    /// `msg_flags`.
    pub flags: MsgFlags,
    /// The sender's address.
    pub addr: SockAddr,
}

impl RecvMsgOwned {
    /// The ancillary items as borrowed [`Cmsg`]s, for the typed decoders of every family
    /// (the same decoders that read a [`CmsgIter`] over a caller's buffer).
    ///
    /// ```
    /// use sock::consts::{IPPROTO_IP, IP_RECVTTL};
    /// use sock::inet::InetCmsg;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.setsockopt_int(IPPROTO_IP, IP_RECVTTL, 1)?;
    /// Socket::new(Family::INET, Type::DGRAM, None)?.send_to(b"ping", &rx.local_addr()?)?;
    /// let msg = rx.recv_msg_vec(16, 64, 0)?;
    /// let ttl = msg.cmsgs().find_map(|c| match c.decode::<InetCmsg>()? {
    ///     InetCmsg::Ttl(ttl) => Some(ttl),
    ///     _ => None,
    /// });
    /// assert_eq!(ttl, Some(64));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn cmsgs(&self) -> impl ExactSizeIterator<Item = Cmsg<'_>> + '_ {
        self.ancdata.iter().map(AncData::as_cmsg)
    }
}

/// The fd numbers in an `SCM_RIGHTS` item's data: whole native ints only.
///
/// ```
/// let data: Vec<u8> = [5i32, 6].iter().flat_map(|fd| fd.to_ne_bytes()).chain([7u8, 0]).collect();
/// assert_eq!(sock::rights_fds(&data).collect::<Vec<_>>(), [5, 6]); // the partial int is dropped
/// ```
pub fn rights_fds(data: &[u8]) -> impl Iterator<Item = c_int> + '_ {
    data.chunks_exact(std::mem::size_of::<c_int>())
        .map(|c| c_int::from_ne_bytes(c.try_into().expect("chunks_exact yields whole ints")))
}

fn build_msghdr(
    name: Option<(*mut libc::c_void, libc::socklen_t)>,
    iov: *mut libc::iovec,
    iovlen: usize,
    control: (*mut libc::c_void, usize),
) -> libc::msghdr {
    let mut msg: libc::msghdr = crate::pod::zeroed_msghdr();
    if let Some((ptr, len)) = name {
        msg.msg_name = ptr;
        msg.msg_namelen = len;
    }
    msg.msg_iov = iov;
    msg.msg_iovlen = iovlen as _;
    if control.1 > 0 {
        msg.msg_control = control.0;
        msg.msg_controllen = control.1 as _;
    }
    msg
}

impl Socket {
    /// `socket.recvmsg_into(buffers, ancbufsize, flags)`: receives into `bufs` (scatter) and
    /// the control buffer `control`. On AF_UNIX sockets `MSG_CMSG_CLOEXEC` is always added, so
    /// passed fds never leak into child processes (other families cannot pass fds, and some
    /// reject the flag). Parse the ancillary data with
    /// [`CmsgIter::new(&control[..msg.control_len])`](crate::cmsg::CmsgIter).
    ///
    /// ```
    /// use sock::cmsg::{cmsg_space, CmsgIter};
    /// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
    /// use sock::{Family, Socket, Type};
    /// use std::io::{IoSlice, IoSliceMut};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"fd")], &[std::io::stdin()], 0, None)?;
    /// let (mut data, mut control) = ([0u8; 8], vec![0u8; cmsg_space(4)?]);
    /// let msg = b.recv_msg(&mut [IoSliceMut::new(&mut data)], &mut control, 0)?;
    /// let item = CmsgIter::new(&control[..msg.control_len]).next().unwrap();
    /// assert_eq!((msg.bytes, item.level, item.ty), (2, SOL_SOCKET, SCM_RIGHTS));
    /// let fd: i32 = item.value().unwrap(); // a raw fd number: close it, or use recv_msg_fds
    /// assert!(fd >= 0);
    /// # // SAFETY: the kernel installed `fd` for this message; nothing else owns it.
    /// # unsafe { libc::close(fd) };
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_msg(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &mut [u8],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<RecvMsg> {
        let mut addr = SockAddr::empty();
        let meta = self.recv_msg_addr(bufs, control, flags, Some(&mut addr))?;
        Ok(RecvMsg { bytes: meta.bytes, control_len: meta.control_len, flags: meta.flags, addr })
    }

    /// [`recv_msg`](Socket::recv_msg) writing the sender's address into `addr` (a buffer the
    /// caller reuses), or not asking for it at all with `None`: the allocation- and copy-free
    /// form for hot loops (it returns only [`RecvMeta`], a few words, where `RecvMsg` carries a
    /// whole address).
    ///
    /// ```
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// use std::io::IoSliceMut;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut buf = [0u8; 16];
    /// for _ in 0..3 {
    ///     a.send(b"tick")?;
    ///     let meta = b.recv_msg_addr(&mut [IoSliceMut::new(&mut buf)], &mut [], MsgFlags::NONE, None)?;
    ///     assert_eq!((meta.bytes, meta.control_len, meta.is_truncated()), (4, 0, false));
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn recv_msg_addr(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &mut [u8],
        flags: impl Into<MsgFlags>,
        mut addr: Option<&mut SockAddr>,
    ) -> io::Result<RecvMeta> {
        let asked = flags.into().bits();
        if control.len() > LIMIT {
            return Err(invalid_input("control", "invalid ancillary data buffer length"));
        }
        let flags = asked | self.cloexec_flag();
        let msg = self.call_flags("recvmsg", Interest::Read, flags, || {
            let name =
                addr.as_deref_mut().map(|a| (a.storage_mut_ptr().cast(), crate::addr::SOCKADDR_MAX as libc::socklen_t));
            let mut msg = build_msghdr(
                name,
                // `IoSliceMut` is guaranteed ABI-compatible with `iovec` on Unix.
                bufs.as_mut_ptr().cast::<libc::iovec>(),
                bufs.len(),
                (control.as_mut_ptr().cast(), control.len()),
            );
            // `msg` was just built from `addr`'s SOCKADDR_MAX-byte storage (or no name), the
            // caller's `bufs` (`IoSliceMut` is ABI-compatible with `iovec`) and `control`,
            // with true lengths.
            // SAFETY: all are exclusively borrowed and alive for this call.
            let n = unsafe { sys::recvmsg(self.as_fd(), &mut msg, flags)? };
            Ok((n, msg.msg_namelen, msg.msg_controllen, msg.msg_flags))
        })?;
        let (bytes, namelen, controllen, msg_flags) = msg;
        if let Some(addr) = addr {
            addr.set_len(namelen);
        }
        #[allow(clippy::unnecessary_cast)] // msg_controllen is size_t on glibc, socklen_t on musl
        let control_len = if control.is_empty() { 0 } else { (controllen as usize).min(control.len()) };
        // Linux echoes MSG_CMSG_CLOEXEC in msg_flags; report it only if the caller asked.
        let out_flags = msg_flags & !(consts::MSG_CMSG_CLOEXEC & !asked);
        Ok(RecvMeta { bytes, control_len, flags: MsgFlags::from_bits(out_flags) })
    }

    /// Like [`Socket::recv_msg`], and also takes ownership of every fd that arrived in
    /// `SCM_RIGHTS` items (whole ints only), so none can leak whatever the caller does next.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::io::{IoSlice, IoSliceMut, Read, Write};
    /// use std::os::unix::net::UnixStream;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (mut mine, theirs) = UnixStream::pair()?;
    /// sock::send_fds(&a, &[IoSlice::new(b"here")], &[theirs], 0, None)?;
    /// let (mut data, mut control) = ([0u8; 4], [0u8; 64]);
    /// let (_, mut fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut control, 0)?;
    /// let mut passed = UnixStream::from(fds.remove(0)); // owned: no fd can leak
    /// mine.write_all(b"through the passed fd")?;
    /// let mut buf = [0u8; 32];
    /// let n = passed.read(&mut buf)?;
    /// assert_eq!(&buf[..n], b"through the passed fd");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_msg_fds(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &mut [u8],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Vec<OwnedFd>)> {
        let flags = flags.into().bits();
        let msg = self.recv_msg(bufs, control, flags)?;
        let mut fds = Vec::new();
        for item in CmsgIter::new(&control[..msg.control_len]) {
            if item.level == consts::SOL_SOCKET && item.ty == consts::SCM_RIGHTS {
                for fd in rights_fds(item.data) {
                    // SAFETY: the kernel just installed this fd in our table for this message
                    // (SCM_RIGHTS, whole int); nothing else knows it, so we are its only owner.
                    fds.push(unsafe { OwnedFd::from_raw_fd(fd) });
                }
            }
        }
        Ok((msg, fds))
    }

    /// `socket.recvmsg(bufsize, ancbufsize, flags)`: owned data and ancillary items. Received
    /// fds come as `OwnedFd`s in [`AncData::fds`]. Sizes that cannot be allocated, or an
    /// `ancbufsize` beyond `i32::MAX`, are `InvalidInput`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::io::IoSlice;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// sock::send_fds(&a, &[IoSlice::new(b"with an fd")], &[std::io::stdin()], 0, None)?;
    /// let msg = b.recv_msg_vec(64, 64, 0)?;
    /// assert_eq!(msg.data, b"with an fd");
    /// assert_eq!(msg.ancdata[0].fds.len(), 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_msg_vec(
        &self,
        bufsize: usize,
        ancbufsize: usize,
        flags: impl Into<MsgFlags>,
    ) -> io::Result<RecvMsgOwned> {
        let flags = flags.into().bits();
        if ancbufsize > LIMIT {
            return Err(invalid_input("ancbufsize", "invalid ancillary data buffer length"));
        }
        let mut data = zeroed_vec(bufsize, "bufsize")?;
        let mut control = zeroed_vec(ancbufsize, "ancbufsize")?;
        let (msg, fds) = self.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut control, flags)?;
        data.truncate(msg.bytes.min(bufsize));
        let mut fds = fds.into_iter();
        let ancdata = CmsgIter::new(&control[..msg.control_len])
            .map(|item| {
                let rights = item.level == consts::SOL_SOCKET && item.ty == consts::SCM_RIGHTS;
                let count = if rights { rights_fds(item.data).count() } else { 0 };
                AncData {
                    level: item.level,
                    ty: item.ty,
                    data: item.data.to_vec(),
                    truncated: item.truncated,
                    fds: fds.by_ref().take(count).collect(),
                }
            })
            .collect();
        Ok(RecvMsgOwned { data, ancdata, flags: msg.flags, addr: msg.addr })
    }

    /// `socket.sendmsg(buffers, ancdata, flags, address)`: sends the gathered `bufs` with the
    /// control messages in `control` (build them with
    /// [`CmsgWriter`](crate::cmsg::CmsgWriter)), to `addr` if given.
    ///
    /// ```
    /// use sock::cmsg::CmsgWriter;
    /// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
    /// use sock::{Family, Socket, Type};
    /// use std::io::IoSlice;
    /// use std::os::fd::AsRawFd;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let mut control = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut control);
    /// w.push_value(SOL_SOCKET, SCM_RIGHTS, &std::io::stdout().as_raw_fd())?;
    /// let parts = [IoSlice::new(b"gathered "), IoSlice::new(b"parts")];
    /// assert_eq!(a.send_msg(&parts, w.as_bytes(), 0, None)?, 14);
    /// let msg = b.recv_msg_vec(64, 64, 0)?;
    /// assert_eq!((msg.data.as_slice(), msg.ancdata[0].fds.len()), (&b"gathered parts"[..], 1));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn send_msg(
        &self,
        bufs: &[IoSlice<'_>],
        control: &[u8],
        flags: impl Into<MsgFlags>,
        addr: Option<&SockAddr>,
    ) -> io::Result<usize> {
        let flags = flags.into().bits();
        if control.len() > LIMIT {
            return Err(invalid_input("control", "too much ancillary data"));
        }
        if let Some(addr) = addr {
            self.check_addr_family(addr, "send_msg")?;
        }
        self.call_flags("sendmsg", Interest::Write, flags, || {
            let msg = build_msghdr(
                addr.map(|a| (a.as_ptr().cast_mut().cast(), a.socklen())),
                // `IoSlice` is guaranteed ABI-compatible with `iovec`; sendmsg only reads it.
                bufs.as_ptr().cast_mut().cast::<libc::iovec>(),
                bufs.len(),
                (control.as_ptr().cast_mut().cast(), control.len()),
            );
            // `msg` was just built from `addr` (its initialised length), the caller's `bufs`
            // (`IoSlice` is ABI-compatible with `iovec`) and `control`, with true lengths.
            // SAFETY: all are borrowed for this call, and sendmsg only reads them.
            unsafe { sys::sendmsg(self.as_fd(), &msg, flags) }
        })
    }
}
