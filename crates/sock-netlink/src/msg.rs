//! Netlink messages and attributes: [`NlMsgBuilder`] encodes a request, [`NlMsgIter`] walks the
//! messages of a received buffer and [`NlAttrIter`] the attributes of a payload.
//!
//! Everything is bounds-checked: a message whose length field is impossible is reported as an
//! `InvalidData` error and ends the walk; a truncated attribute ends the attribute walk and is
//! reported by [`NlAttrIter::truncated`]. Nothing here panics on any input.
//!
//! ```
//! use sock_netlink::consts::*;
//! use sock_netlink::msg::{NlMsgBuilder, NlMsgIter};
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

use sock_core::invalid_input;

use crate::consts::{
    NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HDRLEN, NLA_TYPE_MASK, NLMSG_ALIGNTO, NLMSG_DONE, NLMSG_ERROR, NLMSG_HDRLEN,
};

/// `NLMSG_ALIGN`/`NLA_ALIGN`: rounds up to a multiple of 4.
pub const fn align(len: usize) -> usize {
    (len + NLMSG_ALIGNTO - 1) & !(NLMSG_ALIGNTO - 1)
}

fn invalid_data(message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message.to_owned())
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// `struct nlmsghdr`: the header of every netlink message.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlMsg<'a> {
    /// The message header.
    pub header: NlMsgHdr,
    /// The bytes after the header, `header.len - 16` of them.
    pub payload: &'a [u8],
}

impl<'a> NlMsg<'a> {
    /// Whether this is `NLMSG_DONE`, the end of a dump.
    pub fn is_done(&self) -> bool {
        self.header.ty == NLMSG_DONE
    }

    /// For `NLMSG_ERROR` (and for `NLMSG_DONE`, which carries a dump's status): `Some(Ok(()))`
    /// for an acknowledgement, `Some(Err(e))` with the OS error the kernel reported. `None` for
    /// other messages. A payload too short to hold the status is an `InvalidData` error.
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

    /// The attributes of the payload after a fixed family header of `header_len` bytes (16 for
    /// `ifinfomsg`, 8 for `ifaddrmsg`, 4 for `genlmsghdr`...), which is aligned up to 4.
    pub fn attrs(&self, header_len: usize) -> NlAttrIter<'a> {
        NlAttrIter::new(self.payload.get(align(header_len)..).unwrap_or(&[]))
    }
}

/// Iterates over the netlink messages in a received buffer.
///
/// Yields `Err(InvalidData)` once and stops if a header is truncated or its length is out of
/// bounds.
#[derive(Clone, Debug)]
pub struct NlMsgIter<'a> {
    buf: &'a [u8],
}

impl<'a> NlMsgIter<'a> {
    /// An iterator over the messages of `buf` (the bytes `recv` returned).
    pub fn new(buf: &'a [u8]) -> Self {
        NlMsgIter { buf }
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
        let len = header.len as usize;
        if len < NLMSG_HDRLEN || len > buf.len() {
            return Some(Err(invalid_data("netlink message length out of bounds")));
        }
        self.buf = buf.get(align(len)..).unwrap_or(&[]);
        Some(Ok(NlMsg { header, payload: &buf[NLMSG_HDRLEN..len] }))
    }
}

/// One attribute (`struct nlattr` and its payload).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlAttr<'a> {
    /// The attribute type without the flag bits.
    pub ty: u16,
    /// `NLA_F_NESTED`: the payload is itself a list of attributes.
    pub nested: bool,
    /// `NLA_F_NET_BYTEORDER`: the payload is big-endian.
    pub net_byteorder: bool,
    /// The payload bytes.
    pub data: &'a [u8],
}

impl<'a> NlAttr<'a> {
    fn exact<const N: usize>(&self) -> io::Result<[u8; N]> {
        self.data.try_into().map_err(|_| invalid_data("netlink attribute has the wrong size"))
    }

    /// The payload as a `u8` (exactly one byte, else `InvalidData`).
    pub fn as_u8(&self) -> io::Result<u8> {
        Ok(self.exact::<1>()?[0])
    }

    /// The payload as a host-order `u16` (exactly two bytes).
    pub fn as_u16(&self) -> io::Result<u16> {
        self.exact().map(u16::from_ne_bytes)
    }

    /// The payload as a host-order `u32` (exactly four bytes).
    pub fn as_u32(&self) -> io::Result<u32> {
        self.exact().map(u32::from_ne_bytes)
    }

    /// The payload as a NUL-terminated string (the NUL and anything after it dropped); not
    /// UTF-8 is `InvalidData`.
    pub fn as_str(&self) -> io::Result<&'a str> {
        let end = self.data.iter().position(|&b| b == 0).unwrap_or(self.data.len());
        std::str::from_utf8(&self.data[..end]).map_err(|_| invalid_data("netlink string attribute is not UTF-8"))
    }

    /// The payload read as a list of attributes (for nested attributes).
    pub fn attrs(&self) -> NlAttrIter<'a> {
        NlAttrIter::new(self.data)
    }
}

/// Iterates over the attributes in a payload; stops at the first truncated attribute, which
/// [`NlAttrIter::truncated`] then reports.
#[derive(Clone, Debug)]
pub struct NlAttrIter<'a> {
    buf: &'a [u8],
    truncated: bool,
}

impl<'a> NlAttrIter<'a> {
    /// An iterator over the attributes that fill `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        NlAttrIter { buf, truncated: false }
    }

    /// Whether the walk stopped at an attribute whose length did not fit.
    pub fn truncated(&self) -> bool {
        self.truncated
    }
}

impl<'a> Iterator for NlAttrIter<'a> {
    type Item = NlAttr<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let buf = std::mem::take(&mut self.buf);
        if buf.is_empty() {
            return None;
        }
        if buf.len() < NLA_HDRLEN {
            self.truncated = true;
            return None;
        }
        let len = usize::from(u16_at(buf, 0));
        let raw_ty = u16_at(buf, 2);
        if len < NLA_HDRLEN || len > buf.len() {
            self.truncated = true;
            return None;
        }
        self.buf = buf.get(align(len)..).unwrap_or(&[]);
        Some(NlAttr {
            ty: raw_ty & NLA_TYPE_MASK,
            nested: raw_ty & NLA_F_NESTED != 0,
            net_byteorder: raw_ty & NLA_F_NET_BYTEORDER != 0,
            data: &buf[NLA_HDRLEN..len],
        })
    }
}

/// Builds one netlink message: header, an optional fixed family header, then attributes.
///
/// The builder owns a growable buffer (requests are small and built once; the receive paths
/// do not allocate). [`NlMsgBuilder::into_bytes`] fills in `nlmsg_len`.
#[derive(Clone, Debug)]
pub struct NlMsgBuilder {
    buf: Vec<u8>,
}

/// An open nested attribute, returned by [`NlMsgBuilder::begin_nested`].
#[derive(Debug)]
#[must_use = "close the nested attribute with NlMsgBuilder::end_nested"]
pub struct Nest {
    offset: usize,
}

impl NlMsgBuilder {
    /// A message of type `ty` with `flags` (`NLM_F_REQUEST | ...`), sequence number 0 and pid 0.
    pub fn new(ty: u16, flags: u16) -> Self {
        let header = NlMsgHdr { len: 0, ty, flags, seq: 0, pid: 0 };
        let mut buf = Vec::with_capacity(256);
        buf.extend_from_slice(&header.to_bytes());
        NlMsgBuilder { buf }
    }

    /// The header as it stands (its `len` is filled in by [`NlMsgBuilder::into_bytes`]).
    pub fn header(&self) -> NlMsgHdr {
        NlMsgHdr::from_bytes(&self.buf).expect("the builder always holds a header")
    }

    /// Sets `nlmsg_seq`.
    pub fn set_seq(&mut self, seq: u32) -> &mut Self {
        self.buf[8..12].copy_from_slice(&seq.to_ne_bytes());
        self
    }

    /// Sets `nlmsg_flags`.
    pub fn set_flags(&mut self, flags: u16) -> &mut Self {
        self.buf[6..8].copy_from_slice(&flags.to_ne_bytes());
        self
    }

    /// Sets `nlmsg_pid`.
    pub fn set_pid(&mut self, pid: u32) -> &mut Self {
        self.buf[12..16].copy_from_slice(&pid.to_ne_bytes());
        self
    }

    fn pad(&mut self) {
        self.buf.resize(align(self.buf.len()), 0);
    }

    /// Appends raw bytes, padded to 4: the fixed family header (`ifinfomsg`, `rtgenmsg`...).
    pub fn push_struct(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self.pad();
        self
    }

    /// Appends an attribute of type `ty` (flag bits allowed) with payload `data`.
    /// Fails with `InvalidInput` if the payload is longer than an attribute can hold.
    pub fn push_attr(&mut self, ty: u16, data: &[u8]) -> io::Result<&mut Self> {
        let len = u16::try_from(NLA_HDRLEN + data.len())
            .map_err(|_| invalid_input("data", "netlink attribute payload longer than 65531 bytes"))?;
        self.buf.extend_from_slice(&len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(data);
        self.pad();
        Ok(self)
    }

    /// Appends a host-order `u32` attribute.
    pub fn push_attr_u32(&mut self, ty: u16, value: u32) -> io::Result<&mut Self> {
        self.push_attr(ty, &value.to_ne_bytes())
    }

    /// Appends a NUL-terminated string attribute. Fails with `InvalidInput` if `value`
    /// contains a NUL byte.
    pub fn push_attr_str(&mut self, ty: u16, value: &str) -> io::Result<&mut Self> {
        if value.contains('\0') {
            return Err(invalid_input("value", "netlink string attribute must not contain NUL"));
        }
        let len = u16::try_from(NLA_HDRLEN + value.len() + 1)
            .map_err(|_| invalid_input("value", "netlink attribute payload longer than 65531 bytes"))?;
        self.buf.extend_from_slice(&len.to_ne_bytes());
        self.buf.extend_from_slice(&ty.to_ne_bytes());
        self.buf.extend_from_slice(value.as_bytes());
        self.buf.push(0);
        self.pad();
        Ok(self)
    }

    /// Opens a nested attribute of type `ty` (`NLA_F_NESTED` is set); attributes pushed until
    /// [`NlMsgBuilder::end_nested`] go inside it.
    pub fn begin_nested(&mut self, ty: u16) -> Nest {
        self.pad();
        let offset = self.buf.len();
        self.buf.extend_from_slice(&0u16.to_ne_bytes());
        self.buf.extend_from_slice(&(ty | NLA_F_NESTED).to_ne_bytes());
        Nest { offset }
    }

    /// Closes a nested attribute, writing its length. Fails with `InvalidInput` if its content
    /// grew beyond what an attribute length can hold.
    pub fn end_nested(&mut self, nest: Nest) -> io::Result<&mut Self> {
        let len = u16::try_from(self.buf.len() - nest.offset)
            .map_err(|_| invalid_input("nest", "nested netlink attribute longer than 65535 bytes"))?;
        self.buf[nest.offset..nest.offset + 2].copy_from_slice(&len.to_ne_bytes());
        Ok(self)
    }

    /// The finished message, with `nlmsg_len` set.
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
        assert!(msgs[0].status().unwrap().is_ok());
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
        assert!(NlMsgIter::new(&bytes[..5]).next().unwrap().is_err());
        let mut attrs = NlAttrIter::new(&[8, 0, 1, 0, 1, 2]);
        assert!(attrs.next().is_none());
        assert!(attrs.truncated());
    }

    #[test]
    fn attribute_accessors_check_sizes() {
        let a = NlAttr { ty: 1, nested: false, net_byteorder: false, data: &[1, 2] };
        assert!(a.as_u32().is_err());
        assert!(a.as_u16().is_ok());
        assert_eq!(NlAttr { data: b"lo\0\0", ..a }.as_str().unwrap(), "lo");
        assert!(NlAttr { data: &[0xff], ..a }.as_str().is_err());
        let mut b = NlMsgBuilder::new(16, 0);
        assert_eq!(b.push_attr_str(1, "a\0b").unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(b.push_attr(1, &[0; 70000]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
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
