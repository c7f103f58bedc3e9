//! [`NlAttr`] (one `struct nlattr` and its payload) with its typed accessors, and
//! [`NlAttrIter`], the bounds-checked walk over the attributes of a payload. Both are
//! re-exported by [`crate::msg`].

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::consts::{NLA_F_NESTED, NLA_F_NET_BYTEORDER, NLA_HDRLEN, NLA_TYPE_MASK};
use crate::msg::{after_aligned, invalid_data, u16_at};
use sock_core::MacAddr;

/// One attribute (`struct nlattr` and its payload).
///
/// The accessors check the payload's size and answer `InvalidData` (naming the attribute
/// type and the sizes) rather than reading a wrong value:
///
/// | kernel payload | accessor |
/// | --- | --- |
/// | `u8`, `u16`, `u32`, `u64` in host order (`IFLA_MTU`, `RTA_OIF`...) | [`as_u8`](NlAttr::as_u8), [`as_u16`](NlAttr::as_u16), [`as_u32`](NlAttr::as_u32), [`as_u64`](NlAttr::as_u64) |
/// | `__be16`/`__be32` in network order (ports, `NLA_F_NET_BYTEORDER`) | [`as_u16_be`](NlAttr::as_u16_be), [`as_u32_be`](NlAttr::as_u32_be) |
/// | a NUL-terminated string (`IFLA_IFNAME`, `IFA_LABEL`) | [`as_str`](NlAttr::as_str) |
/// | an IPv4 or IPv6 address (`IFA_ADDRESS`, `RTA_GATEWAY`, `NDA_DST`) | [`as_ip`](NlAttr::as_ip) (by the message's family) |
/// | a 6-byte hardware address (`IFLA_ADDRESS`, `NDA_LLADDR`) | [`as_mac`](NlAttr::as_mac) |
/// | nested attributes (`IFLA_LINKINFO`) | [`attrs`](NlAttr::attrs) |
///
/// ```
/// use sock::netlink::msg::NlAttr;
/// use std::net::{IpAddr, Ipv4Addr};
/// let addr = NlAttr { ty: 1, nested: false, net_byteorder: false, data: &[127, 0, 0, 1] };
/// assert_eq!(addr.as_ip(sock::consts::AF_INET)?, IpAddr::V4(Ipv4Addr::LOCALHOST));
/// assert_eq!(addr.as_u32_be()?, 0x7f00_0001);
/// let name = NlAttr { data: b"lo\0", ..addr };
/// assert_eq!(name.as_str()?, "lo");
/// let mac = NlAttr { data: &[2, 0, 0, 0, 0, 1], ..addr };
/// assert_eq!(mac.as_mac()?.to_string(), "02:00:00:00:00:01");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NlAttr<'a> {
    /// The attribute type without the flag bits.
    pub ty: u16,
    /// `NLA_F_NESTED`: the payload is itself a list of attributes.
    pub nested: bool,
    /// `NLA_F_NET_BYTEORDER`: the payload is big-endian.
    pub net_byteorder: bool,
    /// The payload bytes (without padding).
    pub data: &'a [u8],
}

impl<'a> NlAttr<'a> {
    fn exact<const N: usize>(&self) -> io::Result<[u8; N]> {
        self.data.try_into().map_err(|_| self.wrong_size(&N.to_string()))
    }

    fn wrong_size(&self, expected: &str) -> io::Error {
        invalid_data(&format!("netlink attribute {} has {} bytes, expected {expected}", self.ty, self.data.len()))
    }

    /// The payload as a `u8` (exactly one byte, else `InvalidData`).
    ///
    /// ```
    /// use sock::netlink::{msg::NlAttr, route::{OperState, IFLA_OPERSTATE, IF_OPER_UP}};
    /// let a = NlAttr { ty: IFLA_OPERSTATE, nested: false, net_byteorder: false, data: &[IF_OPER_UP] };
    /// assert_eq!(OperState(a.as_u8()?).to_string(), "UP");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_u8(&self) -> io::Result<u8> {
        Ok(self.exact::<1>()?[0])
    }

    /// The payload as a host-order `u16` (exactly two bytes).
    ///
    /// ```
    /// use sock::netlink::msg::NlAttr;
    /// let a = NlAttr { ty: 1, nested: false, net_byteorder: false, data: &7u16.to_ne_bytes() };
    /// assert_eq!(a.as_u16()?, 7);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_u16(&self) -> io::Result<u16> {
        self.exact().map(u16::from_ne_bytes)
    }

    /// The payload as a host-order `u32` (exactly four bytes): `IFLA_MTU`, `IFLA_MASTER`,
    /// `RTA_OIF`, `RTA_PRIORITY`, `RTA_TABLE`...
    ///
    /// ```
    /// use sock::netlink::{msg::NlAttr, route::IFLA_MTU};
    /// let a = NlAttr { ty: IFLA_MTU, nested: false, net_byteorder: false, data: &65536u32.to_ne_bytes() };
    /// assert_eq!(a.as_u32()?, 65536);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_u32(&self) -> io::Result<u32> {
        self.exact().map(u32::from_ne_bytes)
    }

    /// The payload as a host-order `u64` (exactly eight bytes): 64-bit counters.
    ///
    /// ```
    /// use sock::netlink::msg::NlAttr;
    /// let a = NlAttr { ty: 1, nested: false, net_byteorder: false, data: &u64::MAX.to_ne_bytes() };
    /// assert_eq!(a.as_u64()?, u64::MAX);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_u64(&self) -> io::Result<u64> {
        self.exact().map(u64::from_ne_bytes)
    }

    /// The payload as a network-order (big-endian) `u16`, exactly two bytes: the `__be16`
    /// attributes (ports such as `NDA_PORT`, `IFLA_VXLAN_PORT`; attributes flagged
    /// [`net_byteorder`](NlAttr::net_byteorder)).
    ///
    /// ```
    /// use sock::netlink::msg::NlAttr;
    /// let port = NlAttr { ty: 6, nested: false, net_byteorder: true, data: &[0x12, 0xb5] };
    /// assert_eq!(port.as_u16_be()?, 4789);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_u16_be(&self) -> io::Result<u16> {
        self.exact().map(u16::from_be_bytes)
    }

    /// The payload as a network-order (big-endian) `u32`, exactly four bytes: the `__be32`
    /// attributes (an IPv4 address as a number, VXLAN ids...).
    ///
    /// ```
    /// use sock::netlink::msg::NlAttr;
    /// let a = NlAttr { ty: 1, nested: false, net_byteorder: true, data: &[0, 0, 1, 0] };
    /// assert_eq!(a.as_u32_be()?, 256);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_u32_be(&self) -> io::Result<u32> {
        self.exact().map(u32::from_be_bytes)
    }

    /// The payload as a NUL-terminated string (the NUL and anything after it dropped); not
    /// UTF-8 is `InvalidData`. `IFLA_IFNAME`, `IFA_LABEL`, `IFLA_INFO_KIND`...
    ///
    /// ```
    /// use sock::netlink::{msg::NlAttr, route::IFLA_IFNAME};
    /// let a = NlAttr { ty: IFLA_IFNAME, nested: false, net_byteorder: false, data: b"eth0\0" };
    /// assert_eq!(a.as_str()?, "eth0");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_str(&self) -> io::Result<&'a str> {
        let end = self.data.iter().position(|&b| b == 0).unwrap_or(self.data.len());
        std::str::from_utf8(&self.data[..end])
            .map_err(|_| invalid_data(&format!("netlink string attribute {} is not UTF-8", self.ty)))
    }

    /// The payload as an IP address of the message's `family` (the `family` field of
    /// `ifaddrmsg`, `rtmsg`, `ndmsg`): `AF_INET` takes exactly 4 bytes, `AF_INET6` exactly
    /// 16. Another family, or another size, is `InvalidData`. `family` is any integer type
    /// (`u8` from a header, `i32` from [`sock::consts::AF_INET`](sock_core::consts::AF_INET)).
    ///
    /// ```
    /// use sock::netlink::{msg::NlAttr, route::IFA_ADDRESS};
    /// use std::net::{IpAddr, Ipv6Addr};
    /// let a = NlAttr { ty: IFA_ADDRESS, nested: false, net_byteorder: false, data: &Ipv6Addr::LOCALHOST.octets() };
    /// assert_eq!(a.as_ip(sock::consts::AF_INET6)?, IpAddr::V6(Ipv6Addr::LOCALHOST));
    /// let e = a.as_ip(sock::consts::AF_INET).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_ip(&self, family: impl Into<i32>) -> io::Result<IpAddr> {
        match family.into() {
            libc::AF_INET => self.exact::<4>().map(|b| IpAddr::V4(Ipv4Addr::from(b))),
            libc::AF_INET6 => self.exact::<16>().map(|b| IpAddr::V6(Ipv6Addr::from(b))),
            other => {
                Err(invalid_data(&format!("netlink attribute {}: family {other} is not AF_INET or AF_INET6", self.ty)))
            }
        }
    }

    /// The payload as a 6-byte hardware (Ethernet MAC) address: `IFLA_ADDRESS`,
    /// `IFLA_BROADCAST`, `NDA_LLADDR`. Another size (an IP tunnel's 4 bytes, InfiniBand's 20,
    /// none for a `tun` device) is `InvalidData`; read [`data`](NlAttr::data) for those.
    ///
    /// ```
    /// use sock::netlink::{msg::NlAttr, route::{MacAddr, IFLA_ADDRESS}};
    /// let a = NlAttr { ty: IFLA_ADDRESS, nested: false, net_byteorder: false, data: &[0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff] };
    /// assert_eq!(a.as_mac()?, "aa:bb:cc:dd:ee:ff".parse::<MacAddr>()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_mac(&self) -> io::Result<MacAddr> {
        self.exact().map(MacAddr)
    }

    /// The payload read as a list of attributes (for nested attributes).
    ///
    /// ```
    /// use sock::netlink::msg::{NlAttr, NlAttrIter};
    /// // IFLA_LINKINFO { IFLA_INFO_KIND "veth" }
    /// let inner = [9, 0, 1, 0, b'v', b'e', b't', b'h', 0, 0, 0, 0];
    /// let a = NlAttr { ty: 18, nested: true, net_byteorder: false, data: &inner };
    /// assert_eq!(a.attrs().next().unwrap().as_str()?, "veth");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn attrs(&self) -> NlAttrIter<'a> {
        NlAttrIter::new(self.data)
    }
}

/// Iterates over the attributes in a payload; stops at the first truncated attribute, which
/// [`NlAttrIter::truncated`] then reports.
///
/// ```
/// use sock::netlink::msg::NlAttrIter;
/// // An 8-byte attribute of type 4 holding 1500, then 2 bytes of a truncated one.
/// let mut bytes = vec![8, 0, 4, 0];
/// bytes.extend(1500u32.to_ne_bytes());
/// bytes.extend([8, 0]);
/// let mut attrs = NlAttrIter::new(&bytes);
/// assert_eq!(attrs.next().unwrap().as_u32()?, 1500);
/// assert!(attrs.next().is_none());
/// assert!(attrs.truncated());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct NlAttrIter<'a> {
    buf: &'a [u8],
    truncated: bool,
}

impl<'a> NlAttrIter<'a> {
    /// An iterator over the attributes that fill `buf`.
    ///
    /// ```
    /// use sock::netlink::msg::NlAttrIter;
    /// // Two attributes as they sit in a payload: (len, type, value) each padded to 4.
    /// let buf = [8, 0, 1, 0, 42, 0, 0, 0, 5, 0, 2, 0, 7, 0, 0, 0];
    /// let attrs: Vec<_> = NlAttrIter::new(&buf).map(|a| (a.ty, a.data.len())).collect();
    /// assert_eq!(attrs, [(1, 4), (2, 1)]);
    /// ```
    pub fn new(buf: &'a [u8]) -> Self {
        NlAttrIter { buf, truncated: false }
    }

    /// An empty walk that reports truncation (a payload shorter than its family header).
    pub(crate) fn truncated_empty() -> Self {
        NlAttrIter { buf: &[], truncated: true }
    }

    /// Whether the walk stopped at an attribute whose length did not fit.
    ///
    /// ```
    /// use sock::netlink::msg::NlAttrIter;
    /// let mut cut = NlAttrIter::new(&[12, 0, 1, 0, 42, 0, 0, 0]); // says 12 bytes, has 8
    /// assert!(cut.next().is_none());
    /// assert!(cut.truncated());
    /// let mut whole = NlAttrIter::new(&[8, 0, 1, 0, 42, 0, 0, 0]);
    /// assert!(whole.next().is_some() && whole.next().is_none() && !whole.truncated());
    /// ```
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
        let Some(data) = buf.get(NLA_HDRLEN..len) else {
            self.truncated = true;
            return None;
        };
        self.buf = after_aligned(buf, len);
        Some(NlAttr {
            ty: raw_ty & NLA_TYPE_MASK,
            nested: raw_ty & NLA_F_NESTED != 0,
            net_byteorder: raw_ty & NLA_F_NET_BYTEORDER != 0,
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_checked_and_named() {
        let a = NlAttr { ty: 4, nested: false, net_byteorder: false, data: &[1, 2, 3] };
        for e in [a.as_u32().unwrap_err(), a.as_u16_be().unwrap_err(), a.as_mac().unwrap_err()] {
            assert_eq!(e.kind(), io::ErrorKind::InvalidData);
            assert!(e.to_string().starts_with("netlink attribute 4 has 3 bytes, expected"), "{e}");
        }
        assert_eq!(a.as_ip(libc::AF_INET).unwrap_err().kind(), io::ErrorKind::InvalidData);
        let e = a.as_ip(libc::AF_UNIX).unwrap_err();
        assert!(e.to_string().contains("family 1 is not AF_INET"), "{e}");
        let v4 = NlAttr { data: &[10, 0, 0, 1], ..a };
        assert_eq!(v4.as_ip(libc::AF_INET as u8).unwrap(), IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1)));
        assert_eq!(v4.as_u32_be().unwrap(), 0x0a00_0001);
        assert_eq!(NlAttr { data: &[0x12, 0xb5], ..a }.as_u16_be().unwrap(), 4789);
    }
}
