//! Netlink messages and attributes: [`NlMsgBuilder`] encodes a request, [`NlMsgIter`] walks the
//! messages of a received buffer and [`NlAttrIter`] the attributes of a payload.
//!
//! Everything is bounds-checked: a message whose length field is impossible is reported as an
//! `InvalidData` error and ends the walk; a truncated attribute ends the attribute walk and is
//! reported by [`NlAttrIter::truncated`]. Nothing here panics on any input.
//!
//! ```
//! use sock::netlink::consts::*;
//! use sock::netlink::msg::{NlMsgBuilder, NlMsgIter};
//!
//! let mut b = NlMsgBuilder::new(NLMSG_MIN_TYPE, NLM_F_REQUEST);
//! b.set_seq(7);
//! b.push_struct(&[1, 2, 3, 4]);
//! b.push_attr_str(3, "eth0")?;
//! let nest = b.begin_nested(18);
//! b.push_attr_u32(1, 42)?;
//! b.end_nested(nest)?;
//! let bytes = b.into_bytes();
//!
//! let msg = NlMsgIter::new(&bytes).next().unwrap()?;
//! assert_eq!((msg.header.ty, msg.header.seq), (NLMSG_MIN_TYPE, 7));
//! let mut attrs = msg.attrs(4);
//! assert_eq!(attrs.next().unwrap().as_str()?, "eth0");
//! let nested = attrs.next().unwrap();
//! assert!(nested.nested);
//! assert_eq!(nested.attrs().next().unwrap().as_u32()?, 42);
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

use sock_core::invalid_input;

pub use crate::attr::{NlAttr, NlAttrIter};
use crate::consts::{
    NLA_F_NESTED, NLA_HDRLEN, NLMSGERR_ATTR_MSG, NLMSG_ALIGNTO, NLMSG_DONE, NLMSG_ERROR, NLMSG_HDRLEN, NLM_F_ACK_TLVS,
    NLM_F_CAPPED,
};

/// `NLMSG_ALIGN`/`NLA_ALIGN`: rounds up to a multiple of 4.
///
/// Never panics or wraps: a length within 3 of `usize::MAX` (which no buffer has) gives the
/// largest multiple of 4, `usize::MAX - 3`. Use [`checked_align`] to have that case as `None`.
///
/// ```
/// use sock::netlink::msg::align;
/// assert_eq!((align(0), align(1), align(4), align(5)), (0, 4, 4, 8));
/// assert_eq!(align(usize::MAX), usize::MAX - 3); // never wraps
/// ```
pub const fn align(len: usize) -> usize {
    match checked_align(len) {
        Some(aligned) => aligned,
        None => usize::MAX & !(NLMSG_ALIGNTO - 1),
    }
}

/// `NLMSG_ALIGN`/`NLA_ALIGN` with overflow checked: `None` if rounding `len` up to a multiple
/// of 4 does not fit a `usize`.
///
/// ```
/// use sock::netlink::msg::checked_align;
/// assert_eq!(checked_align(13), Some(16));
/// assert_eq!(checked_align(usize::MAX - 1), None);
/// ```
pub const fn checked_align(len: usize) -> Option<usize> {
    match len.checked_add(NLMSG_ALIGNTO - 1) {
        Some(v) => Some(v & !(NLMSG_ALIGNTO - 1)),
        None => None,
    }
}

/// The rest of `buf` after `len` bytes rounded up to 4: empty when that is past its end.
pub(crate) fn after_aligned(buf: &[u8], len: usize) -> &[u8] {
    checked_align(len).and_then(|at| buf.get(at..)).unwrap_or(&[])
}

pub(crate) fn invalid_data(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

/// The `N` bytes at `at`, or zeros where `b` is too short (callers check the length first;
/// this keeps a mistake from becoming a panic).
fn array_at<const N: usize>(b: &[u8], at: usize) -> [u8; N] {
    at.checked_add(N).and_then(|end| b.get(at..end)).and_then(|s| s.try_into().ok()).unwrap_or([0; N])
}

pub(crate) fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes(array_at(b, at))
}

pub(crate) fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(array_at(b, at))
}

/// `struct nlmsghdr`: the header of every netlink message.
///
/// ```
/// use sock::netlink::{consts::*, msg::NlMsgHdr};
/// let h = NlMsgHdr { len: 16, ty: NLMSG_NOOP, flags: NLM_F_REQUEST, seq: 1, pid: 0 };
/// assert_eq!(NlMsgHdr::from_bytes(&h.to_bytes()), Some(h));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NlMsgHdr {
    /// `nlmsg_len`: length of the message, header included.
    pub len: u32,
    /// `nlmsg_type`: `NLMSG_*` control types or a protocol's message type (`RTM_*`...).
    pub ty: u16,
    /// `nlmsg_flags`: `NLM_F_*`.
    pub flags: u16,
    /// `nlmsg_seq`: sequence number, echoed in replies.
    pub seq: u32,
    /// `nlmsg_pid`: port id of the sender (0 for the kernel).
    pub pid: u32,
}

impl NlMsgHdr {
    /// The 16 bytes of the header in host byte order.
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgHdr;
    /// let b = NlMsgHdr { len: 20, ty: 18, ..Default::default() }.to_bytes();
    /// assert_eq!(&b[..6], &[&20u32.to_ne_bytes()[..], &18u16.to_ne_bytes()[..]].concat()[..]);
    /// ```
    pub fn to_bytes(&self) -> [u8; NLMSG_HDRLEN] {
        let mut b = [0u8; NLMSG_HDRLEN];
        b[0..4].copy_from_slice(&self.len.to_ne_bytes());
        b[4..6].copy_from_slice(&self.ty.to_ne_bytes());
        b[6..8].copy_from_slice(&self.flags.to_ne_bytes());
        b[8..12].copy_from_slice(&self.seq.to_ne_bytes());
        b[12..16].copy_from_slice(&self.pid.to_ne_bytes());
        b
    }

    /// The header at the start of `bytes`, or `None` if fewer than 16 bytes are given.
    ///
    /// ```
    /// use sock::netlink::msg::{NlMsgBuilder, NlMsgHdr};
    /// let bytes = NlMsgBuilder::new(18, 0x301).into_bytes();
    /// let h = NlMsgHdr::from_bytes(&bytes).unwrap();
    /// assert_eq!((h.len, h.ty, h.flags), (16, 18, 0x301));
    /// assert_eq!(NlMsgHdr::from_bytes(&bytes[..15]), None);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() < NLMSG_HDRLEN {
            return None;
        }
        Some(NlMsgHdr {
            len: u32_at(bytes, 0),
            ty: u16_at(bytes, 4),
            flags: u16_at(bytes, 6),
            seq: u32_at(bytes, 8),
            pid: u32_at(bytes, 12),
        })
    }
}

/// One message of a received buffer: its header and the payload bytes after it.
///
/// ```
/// use sock::netlink::msg::{NlMsgBuilder, NlMsgIter};
/// let mut b = NlMsgBuilder::new(18, 0);
/// b.push_struct(&[1, 2, 3, 4]);
/// let bytes = b.into_bytes();
/// let msg = NlMsgIter::new(&bytes).next().unwrap()?;
/// assert_eq!((msg.header.len, msg.payload), (20, &[1, 2, 3, 4][..]));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlMsg<'a> {
    /// The message header.
    pub header: NlMsgHdr,
    /// The bytes after the header, `header.len - 16` of them.
    pub payload: &'a [u8],
}

impl<'a> NlMsg<'a> {
    /// Whether this is `NLMSG_DONE`, the end of a dump.
    ///
    /// ```
    /// use sock::netlink::{consts::NLMSG_DONE, msg::{NlMsgBuilder, NlMsgIter}};
    /// let mut done = NlMsgBuilder::new(NLMSG_DONE, 0);
    /// done.push_struct(&0i32.to_ne_bytes());
    /// let bytes = done.into_bytes();
    /// assert!(NlMsgIter::new(&bytes).next().unwrap()?.is_done());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_done(&self) -> bool {
        self.header.ty == NLMSG_DONE
    }

    /// For `NLMSG_ERROR` (and for `NLMSG_DONE`, which carries a dump's status): `Some(Ok(()))`
    /// for an acknowledgement, `Some(Err(e))` with the OS error the kernel reported. `None` for
    /// other messages. A payload too short to hold the status is an `InvalidData` error.
    ///
    /// ```
    /// use sock::netlink::{consts::NLMSG_ERROR, msg::{NlMsgBuilder, NlMsgIter}};
    /// let mut err = NlMsgBuilder::new(NLMSG_ERROR, 0);
    /// err.push_struct(&(-libc::EPERM).to_ne_bytes());
    /// let bytes = err.into_bytes();
    /// let status = NlMsgIter::new(&bytes).next().unwrap()?.status().unwrap();
    /// assert_eq!(status.unwrap_err().raw_os_error(), Some(libc::EPERM));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn status(&self) -> Option<io::Result<()>> {
        if self.header.ty != NLMSG_ERROR && self.header.ty != NLMSG_DONE {
            return None;
        }
        if self.payload.len() < 4 {
            // An old kernel's NLMSG_DONE may carry nothing: that is success.
            if self.header.ty == NLMSG_DONE {
                return Some(Ok(()));
            }
            return Some(Err(invalid_data("netlink error message shorter than its status")));
        }
        let code = i32::from_ne_bytes([self.payload[0], self.payload[1], self.payload[2], self.payload[3]]);
        Some(if code == 0 { Ok(()) } else { Err(io::Error::from_raw_os_error(code.saturating_neg())) })
    }

    /// The kernel's explanation of an error or warning (`NLMSGERR_ATTR_MSG` of an extended
    /// acknowledgement, which [`NetlinkSocket::new`](crate::NetlinkSocket::new) asks for), for
    /// `NLMSG_ERROR` and `NLMSG_DONE` messages that carry one. The request methods of
    /// [`NetlinkSocket`](crate::NetlinkSocket) put it in their error's message.
    ///
    /// ```
    /// use sock::netlink::{consts::*, msg::{NlMsgBuilder, NlMsgIter}};
    /// // An error reply as the kernel writes it: errno, the request's header, then the message.
    /// let mut b = NlMsgBuilder::new(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS);
    /// b.push_struct(&(-libc::EINVAL).to_ne_bytes());
    /// b.push_struct(&NlMsgBuilder::new(20, 0).into_bytes());
    /// b.push_attr_str(1, "prefix length too long")?;
    /// let bytes = b.into_bytes();
    /// let msg = NlMsgIter::new(&bytes).next().unwrap()?;
    /// assert_eq!(msg.ext_ack_message(), Some("prefix length too long"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn ext_ack_message(&self) -> Option<&'a str> {
        if self.header.flags & NLM_F_ACK_TLVS == 0 {
            return None;
        }
        let tlvs_at = match self.header.ty {
            NLMSG_DONE => 4,
            NLMSG_ERROR if self.header.flags & NLM_F_CAPPED != 0 => 4 + NLMSG_HDRLEN,
            NLMSG_ERROR => 4 + align(usize::try_from(NlMsgHdr::from_bytes(self.payload.get(4..)?)?.len).ok()?),
            _ => return None,
        };
        NlAttrIter::new(self.payload.get(tlvs_at..)?).find(|a| a.ty == NLMSGERR_ATTR_MSG)?.as_str().ok()
    }

    /// The attributes of the payload after a fixed family header of `header_len` bytes (16 for
    /// `ifinfomsg`, 8 for `ifaddrmsg`, 4 for `genlmsghdr`...), which is aligned up to 4.
    ///
    /// A payload shorter than that header (any `header_len`, up to `usize::MAX`) gives an
    /// empty walk whose [`NlAttrIter::truncated`] is `true`; [`NlMsg::try_attrs`] reports it
    /// as an error instead.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::{IfInfoMsg, IFLA_MTU}};
    /// let mut b = NlMsgBuilder::new(16, 0);
    /// b.push_struct(&IfInfoMsg::default().to_bytes()).push_attr_u32(IFLA_MTU, 9000)?;
    /// let bytes = b.into_bytes();
    /// let msg = NlMsgIter::new(&bytes).next().unwrap()?;
    /// assert_eq!(msg.attrs(IfInfoMsg::LEN).next().unwrap().as_u32()?, 9000);
    /// assert!(msg.attrs(64).truncated()); // the payload is shorter than 64 bytes
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn attrs(&self, header_len: usize) -> NlAttrIter<'a> {
        match self.try_attrs(header_len) {
            Ok(attrs) => attrs,
            Err(_) => NlAttrIter::truncated_empty(),
        }
    }

    /// Like [`NlMsg::attrs`], but a payload shorter than `header_len` rounded up to 4 is an
    /// `InvalidData` error naming both lengths.
    ///
    /// ```
    /// use sock::netlink::msg::{NlMsgBuilder, NlMsgIter};
    /// let mut b = NlMsgBuilder::new(16, 0);
    /// b.push_struct(&[0; 8]);
    /// let bytes = b.into_bytes();
    /// let msg = NlMsgIter::new(&bytes).next().unwrap()?;
    /// assert_eq!(msg.try_attrs(8)?.count(), 0);
    /// assert_eq!(msg.try_attrs(16).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn try_attrs(&self, header_len: usize) -> io::Result<NlAttrIter<'a>> {
        let rest = checked_align(header_len).and_then(|at| self.payload.get(at..)).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "netlink payload of {} bytes is shorter than its {header_len}-byte family header",
                    self.payload.len()
                ),
            )
        })?;
        Ok(NlAttrIter::new(rest))
    }
}

/// Iterates over the netlink messages in a received buffer.
///
/// Yields `Err(InvalidData)` once and stops if a header is truncated or its length is out of
/// bounds.
///
/// ```
/// use sock::netlink::msg::{NlMsgBuilder, NlMsgIter};
/// let mut bytes = NlMsgBuilder::new(18, 0).into_bytes();
/// bytes.extend(NlMsgBuilder::new(19, 0).into_bytes());
/// let types: Vec<u16> = NlMsgIter::new(&bytes).map(|m| m.map(|m| m.header.ty)).collect::<Result<_, _>>()?;
/// assert_eq!(types, [18, 19]);
/// assert!(NlMsgIter::new(&bytes[..10]).next().unwrap().is_err()); // a cut header
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct NlMsgIter<'a> {
    buf: &'a [u8],
}

impl<'a> NlMsgIter<'a> {
    /// An iterator over the messages of `buf` (the bytes `recv` returned).
    ///
    /// ```
    /// use sock::netlink::{consts::*, msg::NlMsgIter, route::Link, NetlinkSocket};
    /// let nl = NetlinkSocket::new(NETLINK_ROUTE)?;
    /// nl.send_request(Link::dump_request())?;
    /// let mut buf = vec![0u8; 64 * 1024];
    /// let n = nl.recv(&mut buf)?;
    /// let me = nl.local_addr()?.pid; // the kernel addresses its replies to this port id
    /// assert!(NlMsgIter::new(&buf[..n]).all(|m| m.is_ok_and(|m| m.header.pid == me)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(buf: &'a [u8]) -> Self {
        NlMsgIter { buf }
    }
}

impl<'a> NlMsgIter<'a> {
    /// The bytes not walked yet.
    #[cfg(any(feature = "tokio", feature = "async-io"))]
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.buf
    }
}

impl<'a> Iterator for NlMsgIter<'a> {
    type Item = io::Result<NlMsg<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.buf.is_empty() {
            return None;
        }
        let buf = std::mem::take(&mut self.buf);
        let Some(header) = NlMsgHdr::from_bytes(buf) else {
            return Some(Err(invalid_data("truncated netlink message header")));
        };
        let Some(payload) = usize::try_from(header.len).ok().and_then(|len| buf.get(NLMSG_HDRLEN..len)) else {
            return Some(Err(invalid_data("netlink message length out of bounds")));
        };
        // `payload` ends at `header.len` <= buf.len(), so the sum cannot overflow.
        self.buf = after_aligned(buf, NLMSG_HDRLEN + payload.len());
        Some(Ok(NlMsg { header, payload }))
    }
}

/// Builds one netlink message: header, an optional fixed family header, then attributes.
///
/// The builder owns a growable buffer (requests are small and built once; the receive paths
/// do not allocate). [`NlMsgBuilder::into_bytes`] fills in `nlmsg_len`.
///
/// ```
/// use sock::netlink::{consts::*, msg::NlMsgBuilder, route::{IfInfoMsg, IFLA_IFNAME, RTM_GETLINK}};
/// let mut b = NlMsgBuilder::new(RTM_GETLINK, NLM_F_REQUEST);
/// b.push_struct(&IfInfoMsg::default().to_bytes()).push_attr_str(IFLA_IFNAME, "lo")?;
/// let bytes = b.into_bytes();
/// assert_eq!(bytes.len(), 16 + 16 + 8); // header, ifinfomsg, "lo\0" padded
/// assert_eq!(&bytes[..4], &40u32.to_ne_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct NlMsgBuilder {
    buf: Vec<u8>,
    /// Tells this builder's [`Nest`]s from another's (a clone keeps it: same layout).
    id: u64,
    /// Offsets of the nested attributes still open, innermost last.
    open: Vec<usize>,
}

/// Source of [`NlMsgBuilder`] ids.
static NEXT_BUILDER_ID: AtomicU64 = AtomicU64::new(0);

/// An open nested attribute, returned by [`NlMsgBuilder::begin_nested`]; only the builder that
/// made it (or a clone of that builder) can close it, innermost first.
///
/// ```
/// use sock::netlink::msg::NlMsgBuilder;
/// let (mut a, mut b) = (NlMsgBuilder::new(16, 0), NlMsgBuilder::new(16, 0));
/// let nest = a.begin_nested(1);
/// assert!(b.end_nested(nest).is_err()); // not b's
/// let nest = a.begin_nested(2);
/// a.end_nested(nest)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
#[must_use = "close the nested attribute with NlMsgBuilder::end_nested"]
pub struct Nest {
    offset: usize,
    builder: u64,
}

impl NlMsgBuilder {
    /// A message of type `ty` with `flags` (`NLM_F_REQUEST | ...`), sequence number 0 and pid 0.
    ///
    /// ```
    /// use sock::netlink::{consts::*, msg::NlMsgBuilder};
    /// let h = NlMsgBuilder::new(NLMSG_NOOP, NLM_F_REQUEST).header();
    /// assert_eq!((h.ty, h.flags, h.seq, h.pid), (NLMSG_NOOP, NLM_F_REQUEST, 0, 0));
    /// ```
    pub fn new(ty: u16, flags: u16) -> Self {
        let header = NlMsgHdr { len: 0, ty, flags, seq: 0, pid: 0 };
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&header.to_bytes());
        let id = NEXT_BUILDER_ID.fetch_add(1, Ordering::Relaxed);
        NlMsgBuilder { buf, id, open: Vec::new() }
    }

    /// The header as it stands (its `len` is filled in by [`NlMsgBuilder::into_bytes`]).
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// b.set_seq(5);
    /// assert_eq!((b.header().seq, b.header().len), (5, 0));
    /// ```
    pub fn header(&self) -> NlMsgHdr {
        // The buffer starts with the 16 header bytes from `new` on and only grows.
        NlMsgHdr::from_bytes(&self.buf).unwrap_or_default()
    }

    /// Sets `nlmsg_seq`.
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// assert_eq!(b.set_seq(41).set_seq(42).header().seq, 42);
    /// ```
    pub fn set_seq(&mut self, seq: u32) -> &mut Self {
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
        self
    }

    /// Sets `nlmsg_flags`.
    ///
    /// ```
    /// use sock::netlink::{consts::*, msg::NlMsgBuilder};
    /// let mut b = NlMsgBuilder::new(18, NLM_F_REQUEST);
    /// b.set_flags(NLM_F_REQUEST | NLM_F_DUMP);
    /// assert_eq!(b.header().flags, NLM_F_REQUEST | NLM_F_DUMP);
    /// ```
    pub fn set_flags(&mut self, flags: u16) -> &mut Self {
        self.buf[6..8].copy_from_slice(&flags.to_ne_bytes());
        self
    }

    /// Sets `nlmsg_pid`.
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// assert_eq!(b.set_pid(1234).header().pid, 1234);
    /// ```
    pub fn set_pid(&mut self, pid: u32) -> &mut Self {
        self.buf[12..16].copy_from_slice(&pid.to_ne_bytes());
        self
    }

    fn pad(&mut self) {
        self.buf.resize(align(self.buf.len()), 0);
    }

    /// Appends raw bytes, padded to 4: the fixed family header (`ifinfomsg`, `rtgenmsg`...).
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// b.push_struct(&[sock::consts::AF_INET as u8]); // rtgenmsg: one byte
    /// assert_eq!(b.into_bytes().len(), 16 + 4); // padded
    /// ```
    pub fn push_struct(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self.pad();
        self
    }

    /// Appends an attribute of type `ty` (flag bits allowed) with payload `data`.
    /// Fails with `InvalidInput` if the payload is longer than an attribute can hold.
    ///
    /// ```
    /// use sock::netlink::msg::{NlMsgBuilder, NlMsgIter};
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// b.push_attr(3, &[0xaa, 0xbb])?;
    /// assert!(b.push_attr(4, &vec![0; 70_000]).is_err());
    /// let bytes = b.into_bytes();
    /// let attr = NlMsgIter::new(&bytes).next().unwrap()?.attrs(0).next().unwrap();
    /// assert_eq!((attr.ty, attr.data), (3, &[0xaa, 0xbb][..]));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push_attr(&mut self, ty: u16, data: &[u8]) -> io::Result<&mut Self> {
        let len = NLA_HDRLEN
            .checked_add(data.len())
            .and_then(|len| u16::try_from(len).ok())
            .ok_or_else(|| invalid_input("data", "netlink attribute payload longer than 65531 bytes"))?;
        self.buf.extend_from_slice(&len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(data);
        self.pad();
        Ok(self)
    }

    /// Appends a host-order `u32` attribute.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::IFLA_MTU};
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// b.push_attr_u32(IFLA_MTU, 1500)?;
    /// let bytes = b.into_bytes();
    /// assert_eq!(NlMsgIter::new(&bytes).next().unwrap()?.attrs(0).next().unwrap().as_u32()?, 1500);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push_attr_u32(&mut self, ty: u16, value: u32) -> io::Result<&mut Self> {
        self.push_attr(ty, &value.to_ne_bytes())
    }

    /// Appends a NUL-terminated string attribute. Fails with `InvalidInput` if `value`
    /// contains a NUL byte.
    ///
    /// ```
    /// use sock::netlink::{msg::{NlMsgBuilder, NlMsgIter}, route::IFLA_IFNAME};
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// b.push_attr_str(IFLA_IFNAME, "eth0")?;
    /// assert!(b.push_attr_str(IFLA_IFNAME, "a\0b").is_err());
    /// let bytes = b.into_bytes();
    /// assert_eq!(NlMsgIter::new(&bytes).next().unwrap()?.attrs(0).next().unwrap().as_str()?, "eth0");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push_attr_str(&mut self, ty: u16, value: &str) -> io::Result<&mut Self> {
        if value.contains('\0') {
            return Err(invalid_input("value", "netlink string attribute must not contain NUL"));
        }
        let len = value
            .len()
            .checked_add(NLA_HDRLEN + 1)
            .and_then(|len| u16::try_from(len).ok())
            .ok_or_else(|| invalid_input("value", "netlink attribute payload longer than 65530 bytes"))?;
        self.buf.extend_from_slice(&len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(value.as_bytes());
        self.buf.push(0);
        self.pad();
        Ok(self)
    }

    /// Opens a nested attribute of type `ty` (`NLA_F_NESTED` is set); attributes pushed until
    /// [`NlMsgBuilder::end_nested`] go inside it.
    ///
    /// ```
    /// use sock::netlink::{consts::NLA_F_NESTED, msg::NlMsgBuilder};
    /// let mut b = NlMsgBuilder::new(16, 0);
    /// let nest = b.begin_nested(18);
    /// assert_eq!(b.open_nests(), 1);
    /// b.push_attr_u32(1, 7)?.end_nested(nest)?;
    /// let bytes = b.into_bytes();
    /// assert_eq!(u16::from_ne_bytes([bytes[18], bytes[19]]), 18 | NLA_F_NESTED);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn begin_nested(&mut self, ty: u16) -> Nest {
        self.pad();
        let offset = self.buf.len();
        self.buf.extend_from_slice(&0u16.to_ne_bytes());
        self.buf.extend_from_slice(&(ty | NLA_F_NESTED).to_ne_bytes());
        self.open.push(offset);
        Nest { offset, builder: self.id }
    }

    /// Closes a nested attribute, writing its length. Fails with `InvalidInput` (argument
    /// `nest`) if `nest` came from another builder, is not the innermost open one, or its
    /// content grew beyond what an attribute length (65535 bytes) can hold; the builder is then
    /// unchanged.
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(16, 0);
    /// let outer = b.begin_nested(1);
    /// let inner = b.begin_nested(2);
    /// assert!(b.end_nested(outer).is_err()); // innermost first; `outer` is used up
    /// b.end_nested(inner)?;
    /// assert_eq!(b.open_nests(), 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn end_nested(&mut self, nest: Nest) -> io::Result<&mut Self> {
        if nest.builder != self.id {
            return Err(invalid_input("nest", "this Nest was opened by another NlMsgBuilder"));
        }
        if self.open.last() != Some(&nest.offset) {
            return Err(invalid_input("nest", "close nested attributes innermost first"));
        }
        let len = self
            .buf
            .len()
            .checked_sub(nest.offset)
            .and_then(|len| u16::try_from(len).ok())
            .ok_or_else(|| invalid_input("nest", "nested netlink attribute longer than 65535 bytes"))?;
        let field = nest.offset.checked_add(2).and_then(|end| self.buf.get_mut(nest.offset..end));
        let Some(field) = field else {
            return Err(invalid_input("nest", "nested attribute offset outside the message"));
        };
        field.copy_from_slice(&len.to_ne_bytes());
        self.open.pop();
        Ok(self)
    }

    /// How many nested attributes are open (begun and not yet ended).
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(16, 0);
    /// let nest = b.begin_nested(1);
    /// assert_eq!(b.open_nests(), 1);
    /// b.end_nested(nest)?;
    /// assert_eq!(b.open_nests(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn open_nests(&self) -> usize {
        self.open.len()
    }

    /// The finished message, with `nlmsg_len` set. Nested attributes still open keep a length
    /// of 0 (see [`NlMsgBuilder::open_nests`]).
    ///
    /// ```
    /// use sock::netlink::msg::NlMsgBuilder;
    /// let mut b = NlMsgBuilder::new(18, 0);
    /// b.push_attr_u32(1, 1)?;
    /// let bytes = b.into_bytes();
    /// assert_eq!(u32::from_ne_bytes(bytes[..4].try_into().unwrap()) as usize, bytes.len());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_bytes(mut self) -> Vec<u8> {
        let len = u32::try_from(self.buf.len()).unwrap_or(u32::MAX);
        self.buf[0..4].copy_from_slice(&len.to_ne_bytes());
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::*;
    use proptest::prelude::*;

    #[test]
    fn header_round_trips() {
        let h = NlMsgHdr { len: 20, ty: 18, flags: NLM_F_REQUEST | NLM_F_DUMP, seq: 9, pid: 77 };
        assert_eq!(NlMsgHdr::from_bytes(&h.to_bytes()), Some(h));
        assert_eq!(NlMsgHdr::from_bytes(&[0; 15]), None);
    }

    #[test]
    fn two_messages_and_errors() {
        let mut ack = NlMsgBuilder::new(NLMSG_ERROR, 0);
        ack.push_struct(&0i32.to_ne_bytes());
        let mut err = NlMsgBuilder::new(NLMSG_ERROR, 0);
        err.push_struct(&(-libc::EPERM).to_ne_bytes());
        let mut buf = ack.into_bytes();
        buf.extend(err.into_bytes());
        let msgs: Vec<_> = NlMsgIter::new(&buf).collect::<io::Result<_>>().unwrap();
        assert_eq!(msgs.len(), 2);
        msgs[0].status().unwrap().unwrap();
        assert_eq!(msgs[1].status().unwrap().unwrap_err().raw_os_error(), Some(libc::EPERM));
        assert!(NlMsg { header: NlMsgHdr { ty: 16, ..Default::default() }, payload: &[] }.status().is_none());
    }

    #[test]
    fn bad_lengths_are_reported() {
        let mut bytes = NlMsgBuilder::new(16, 0).into_bytes();
        bytes[0..4].copy_from_slice(&100u32.to_ne_bytes());
        let mut it = NlMsgIter::new(&bytes);
        assert_eq!(it.next().unwrap().unwrap_err().kind(), io::ErrorKind::InvalidData);
        assert!(it.next().is_none());
        assert_eq!(NlMsgIter::new(&bytes[..5]).next().unwrap().unwrap_err().kind(), io::ErrorKind::InvalidData);
        bytes[0..4].copy_from_slice(&15u32.to_ne_bytes());
        assert_eq!(NlMsgIter::new(&bytes).next().unwrap().unwrap_err().kind(), io::ErrorKind::InvalidData);
        let mut attrs = NlAttrIter::new(&[8, 0, 1, 0, 1, 2]);
        assert!(attrs.next().is_none());
        assert!(attrs.truncated());
    }

    #[test]
    fn attribute_accessors_check_sizes() {
        let a = NlAttr { ty: 1, nested: false, net_byteorder: false, data: &[1, 2] };
        assert_eq!(a.as_u32().unwrap_err().kind(), io::ErrorKind::InvalidData);
        assert_eq!(a.as_u16().unwrap(), u16::from_ne_bytes([1, 2]));
        assert_eq!(NlAttr { data: b"lo\0\0", ..a }.as_str().unwrap(), "lo");
        assert_eq!(NlAttr { data: &[0xff], ..a }.as_str().unwrap_err().kind(), io::ErrorKind::InvalidData);
        let mut b = NlMsgBuilder::new(16, 0);
        assert_eq!(b.push_attr_str(1, "a\0b").unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(b.push_attr(1, &[0; 70000]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    /// Issue 13: `attrs(usize::MAX)` overflowed in `align` (a panic in debug builds).
    #[test]
    fn huge_family_header_is_reported_not_a_panic() {
        let mut b = NlMsgBuilder::new(16, 0);
        b.push_struct(&[0; 16]);
        b.push_attr_u32(1, 7).unwrap();
        let bytes = b.into_bytes();
        let msg = NlMsgIter::new(&bytes).next().unwrap().unwrap();
        for header_len in [usize::MAX, usize::MAX - 2, usize::MAX - 3, 4096, 25] {
            let mut attrs = msg.attrs(header_len);
            assert!(attrs.next().is_none());
            assert!(attrs.truncated(), "{header_len}");
            let e = msg.try_attrs(header_len).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData);
            assert!(e.to_string().contains("family header"), "{e}");
        }
        assert_eq!(msg.try_attrs(16).unwrap().next().unwrap().as_u32().unwrap(), 7);
        assert_eq!(align(usize::MAX), usize::MAX - 3);
        assert_eq!(checked_align(usize::MAX - 2), None);
        assert_eq!(checked_align(usize::MAX - 3), Some(usize::MAX - 3));
        assert_eq!(checked_align(5), Some(8));
    }

    /// Issue 13: `end_nested` with another builder's `Nest` underflowed or indexed out of
    /// bounds (a panic), or silently wrote into the wrong message.
    #[test]
    fn foreign_or_misordered_nest_is_invalid_input() {
        let mut big = NlMsgBuilder::new(16, 0);
        big.push_attr(1, &[0; 100]).unwrap();
        let far = big.begin_nested(2);
        let mut small = NlMsgBuilder::new(16, 0);
        let before = small.clone().into_bytes();
        let e = small.end_nested(far).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().starts_with("nest:"), "{e}");
        assert_eq!(small.clone().into_bytes(), before);
        // Same offset in another builder: still refused.
        let near = NlMsgBuilder::new(16, 0).begin_nested(3);
        assert_eq!(small.begin_nested(3).offset, near.offset);
        assert_eq!(small.end_nested(near).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        // Outer before inner is refused; inner then outer works.
        let mut b = NlMsgBuilder::new(16, 0);
        let outer = b.begin_nested(1);
        let inner = b.begin_nested(2);
        assert_eq!(b.open_nests(), 2);
        let e = b.end_nested(outer).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("innermost"), "{e}");
        b.end_nested(inner).unwrap();
        assert_eq!(b.open_nests(), 1);
        // A clone of the builder may close the original's nest (same layout).
        let mut c = NlMsgBuilder::new(16, 0);
        let n = c.begin_nested(4);
        let mut twin = c.clone();
        twin.end_nested(n).unwrap();
        // Too long a nest is InvalidInput, not a truncated length.
        let mut l = NlMsgBuilder::new(16, 0);
        let n = l.begin_nested(5);
        for _ in 0..3 {
            l.push_attr(1, &[0; 30000]).unwrap();
        }
        assert_eq!(l.end_nested(n).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
        /// Random bytes and random offsets (any `usize`) never panic.
        #[test]
        fn random_offsets_never_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            header_len in prop_oneof![any::<usize>(), 0usize..64, (usize::MAX - 8)..=usize::MAX],
        ) {
            for msg in NlMsgIter::new(&bytes).flatten() {
                let _ = msg.attrs(header_len).count();
                let _ = msg.try_attrs(header_len).map(|a| a.count());
            }
            let _ = (align(header_len), checked_align(header_len));
            let msg = NlMsg { header: NlMsgHdr::default(), payload: &bytes };
            let mut attrs = msg.attrs(header_len);
            for a in attrs.by_ref() {
                let _ = (a.as_u8(), a.as_u16(), a.as_u32(), a.as_str(), a.attrs().count());
            }
            let _ = attrs.truncated();
            let _ = NlMsgHdr::from_bytes(&bytes);
        }

        /// Any sequence of builder operations, including nests from other builders and out of
        /// order, gives errors or a message that parses, never a panic.
        #[test]
        fn random_builder_ops_never_panic(ops in proptest::collection::vec((0u8..5, any::<u16>(), 0usize..600), 0..40)) {
            let mut b = NlMsgBuilder::new(16, 0);
            let mut other = NlMsgBuilder::new(16, 0);
            let mut nests = Vec::new();
            for (op, ty, n) in ops {
                match op {
                    0 => { let _ = b.push_attr(ty, &vec![0; n]); }
                    1 => nests.push(b.begin_nested(ty)),
                    2 => nests.push(other.begin_nested(ty)),
                    3 => if !nests.is_empty() {
                        let nest = nests.swap_remove(n % nests.len());
                        let _ = b.end_nested(nest);
                    },
                    _ => { b.push_struct(&vec![1; n % 9]); }
                }
            }
            let bytes = b.into_bytes();
            let msg = NlMsgIter::new(&bytes).next().unwrap().unwrap();
            prop_assert_eq!(msg.header.len as usize, bytes.len());
        }

        #[test]
        fn any_bytes_parse_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            for msg in NlMsgIter::new(&bytes).flatten() {
                let _ = msg.status();
                for attr in msg.attrs(0) {
                    let _ = (attr.as_str(), attr.as_u32());
                    for inner in attr.attrs() {
                        let _ = inner.as_u16();
                    }
                }
            }
        }

        #[test]
        fn built_messages_parse_back(
            ty in 16u16..1000,
            flags in any::<u16>(),
            seq in any::<u32>(),
            family in proptest::collection::vec(any::<u8>(), 0..20),
            attrs in proptest::collection::vec((0u16..0x3fff, proptest::collection::vec(any::<u8>(), 0..40)), 0..8),
        ) {
            let mut b = NlMsgBuilder::new(ty, flags);
            b.set_seq(seq);
            b.push_struct(&family);
            let nest = b.begin_nested(1);
            for (t, d) in &attrs {
                b.push_attr(*t, d).unwrap();
            }
            b.end_nested(nest).unwrap();
            let bytes = b.into_bytes();
            let mut it = NlMsgIter::new(&bytes);
            let msg = it.next().unwrap().unwrap();
            prop_assert!(it.next().is_none());
            prop_assert_eq!((msg.header.ty, msg.header.flags, msg.header.seq), (ty, flags, seq));
            prop_assert_eq!(msg.header.len as usize, bytes.len());
            prop_assert_eq!(&msg.payload[..family.len()], &family[..]);
            let mut outer = msg.attrs(family.len());
            let nest = outer.next().unwrap();
            prop_assert!(nest.nested && nest.ty == 1);
            let inner: Vec<_> = nest.attrs().map(|a| (a.ty, a.data.to_vec())).collect();
            prop_assert_eq!(inner, attrs);
        }
    }
}
