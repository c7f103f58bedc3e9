//! [`SockAddr`], the raw carrier of a socket address, and [`ToSockAddr`], the trait behind
//! every method that takes an address.
//!
//! `SockAddr` knows nothing of families beyond the `sa_family` field: it is the bytes of a
//! `struct sockaddr_*` and their length. Each family crate owns its typed address and converts
//! it to and from `SockAddr` with the byte-level constructors here, so family code needs no
//! `unsafe`. The only families `sock-core` encodes itself are those of the standard library's
//! own address types (`std::net` and `std::os::unix::net`), because Rust's orphan rule puts
//! their [`ToSockAddr`] impls here.

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::os::unix::ffi::OsStrExt;

use crate::error::invalid_input;
use crate::Socket;

/// The size of `struct sockaddr_storage`: the largest address any family uses.
pub const SOCKADDR_MAX: usize = 128;

/// Offset of the first byte after `sa_family`.
const DATA_OFFSET: usize = 2;

/// Byte storage with the size and alignment of `struct sockaddr_storage`.
#[derive(Clone, Copy)]
#[repr(C, align(8))]
pub(crate) struct Storage(pub(crate) [u8; SOCKADDR_MAX]);

const _: () = assert!(std::mem::size_of::<Storage>() == std::mem::size_of::<libc::sockaddr_storage>());
const _: () = assert!(std::mem::align_of::<Storage>() >= std::mem::align_of::<libc::sockaddr_storage>());

/// A socket address as the kernel sees it: the bytes of a `struct sockaddr_*` and their length.
///
/// Build one from a typed address of a family crate, from a `std::net` address, or from raw
/// bytes; decode it with the family crate that owns [`SockAddr::family`] (the facade's
/// `sock::Addr` does that for every family). Copying a `SockAddr` never allocates.
///
/// ```
/// use sock::SockAddr;
/// let addr = SockAddr::from("127.0.0.1:8080".parse::<std::net::SocketAddr>().unwrap());
/// assert_eq!(addr.family(), libc::AF_INET as u16);
/// assert_eq!(addr.as_socket().unwrap().port(), 8080);
/// ```
#[derive(Clone, Copy)]
pub struct SockAddr {
    storage: Storage,
    len: u32,
}

impl SockAddr {
    /// The empty address (length 0), as `recvfrom` reports for a connected stream socket and
    /// `getsockname` for some unbound sockets.
    ///
    /// ```
    /// use sock::SockAddr;
    /// let a = SockAddr::empty();
    /// assert!(a.is_empty());
    /// assert_eq!((a.len(), a.family(), a.to_string()), (0, 0, String::new()));
    /// assert_eq!(a, SockAddr::default());
    /// ```
    pub const fn empty() -> SockAddr {
        SockAddr { storage: Storage([0; SOCKADDR_MAX]), len: 0 }
    }

    /// An address made of `family` followed by `data` (the bytes after `sa_family`).
    ///
    /// Fails with `InvalidInput` if `data` is longer than `sockaddr_storage` allows.
    ///
    /// ```
    /// use sock::{consts::AF_UNIX, SockAddr};
    /// let a = SockAddr::new(AF_UNIX as u16, b"\0name")?;
    /// assert_eq!((a.family(), a.len()), (AF_UNIX as u16, 2 + 5));
    /// assert_eq!(a.to_string(), "@name");
    /// assert!(SockAddr::new(AF_UNIX as u16, &[0; 127]).is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(family: u16, data: &[u8]) -> io::Result<SockAddr> {
        if data.len() > SOCKADDR_MAX - DATA_OFFSET {
            return Err(invalid_input("address", "longer than sockaddr_storage"));
        }
        let mut addr = SockAddr::empty();
        addr.storage.0[..DATA_OFFSET].copy_from_slice(&family.to_ne_bytes());
        addr.storage.0[DATA_OFFSET..DATA_OFFSET + data.len()].copy_from_slice(data);
        addr.len = (DATA_OFFSET + data.len()) as u32;
        Ok(addr)
    }

    /// An address from the whole bytes of a `struct sockaddr_*` (family included).
    ///
    /// Fails with `InvalidInput` if `bytes` is longer than `sockaddr_storage`.
    ///
    /// ```
    /// use sock::SockAddr;
    /// let v4 = SockAddr::from("127.0.0.1:80".parse::<std::net::SocketAddr>().unwrap());
    /// let copy = SockAddr::from_bytes(v4.as_bytes())?;
    /// assert_eq!(copy, v4);
    /// assert!(SockAddr::from_bytes(&[0; 129]).is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<SockAddr> {
        if bytes.len() > SOCKADDR_MAX {
            return Err(invalid_input("address", "longer than sockaddr_storage"));
        }
        let mut addr = SockAddr::empty();
        addr.storage.0[..bytes.len()].copy_from_slice(bytes);
        addr.len = bytes.len() as u32;
        Ok(addr)
    }

    /// The `sa_family` field (0, `AF_UNSPEC`, for an address shorter than the field).
    ///
    /// ```
    /// use sock::{consts::AF_INET6, Family, SockAddr};
    /// let a = SockAddr::from("[::1]:80".parse::<std::net::SocketAddr>().unwrap());
    /// assert_eq!(a.family(), AF_INET6 as u16);
    /// assert_eq!(Family::from(i32::from(a.family())), Family::INET6);
    /// ```
    pub fn family(&self) -> u16 {
        if (self.len as usize) < DATA_OFFSET {
            return 0;
        }
        u16::from_ne_bytes([self.storage.0[0], self.storage.0[1]])
    }

    /// The address length the kernel reported or will be given.
    ///
    /// ```
    /// use sock::SockAddr;
    /// let a = SockAddr::from("127.0.0.1:80".parse::<std::net::SocketAddr>().unwrap());
    /// assert_eq!(a.len(), 16); // sizeof(struct sockaddr_in)
    /// assert_eq!(a.len(), a.as_bytes().len());
    /// ```
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether the address is empty (length 0).
    ///
    /// ```
    /// use sock::{Family, SockAddr, Socket, Type};
    /// assert!(SockAddr::empty().is_empty());
    /// // An unnamed AF_UNIX socket has an address of the family field alone, not an empty one.
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// assert!(!a.local_addr()?.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes of the address, family included, `len()` of them.
    ///
    /// ```
    /// use sock::{consts::AF_UNIX, SockAddr};
    /// let a = SockAddr::new(AF_UNIX as u16, b"\0x")?;
    /// assert_eq!(a.as_bytes()[..2], (AF_UNIX as u16).to_ne_bytes());
    /// assert_eq!(a.as_bytes()[2..], *b"\0x");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.storage.0[..self.len as usize]
    }

    /// The bytes after `sa_family` (empty for an address shorter than that).
    ///
    /// ```
    /// use sock::SockAddr;
    /// let a = SockAddr::from("127.0.0.1:258".parse::<std::net::SocketAddr>().unwrap());
    /// // sockaddr_in after the family: the port in network order, then the IPv4 address.
    /// assert_eq!(a.data()[..6], [1, 2, 127, 0, 0, 1]);
    /// assert!(SockAddr::empty().data().is_empty());
    /// ```
    pub fn data(&self) -> &[u8] {
        self.storage.0.get(DATA_OFFSET..self.len as usize).unwrap_or(&[])
    }

    /// A pointer to the storage, for syscalls that read the address.
    ///
    /// ```
    /// use sock::{Family, SockAddr, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let addr = SockAddr::from("127.0.0.1:0".parse::<std::net::SocketAddr>().unwrap());
    /// // SAFETY: the pointer and the length describe `addr`, which outlives the call.
    /// let rc = unsafe { libc::bind(s.fileno(), addr.as_ptr(), addr.socklen()) };
    /// assert_eq!(rc, 0);
    /// assert!(s.local_addr()?.as_socket().unwrap().ip().is_loopback());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn as_ptr(&self) -> *const libc::sockaddr {
        self.storage.0.as_ptr().cast()
    }

    /// The length as `socklen_t`, for syscalls.
    ///
    /// ```
    /// use sock::SockAddr;
    /// let a = SockAddr::from("[::1]:80".parse::<std::net::SocketAddr>().unwrap());
    /// assert_eq!(a.socklen(), 28); // sizeof(struct sockaddr_in6), for the syscall's addrlen
    /// assert_eq!(a.socklen() as usize, a.len());
    /// ```
    #[inline]
    pub fn socklen(&self) -> libc::socklen_t {
        self.len
    }

    /// Lets `fill` write an address into zeroed storage through a raw pointer and length, as
    /// `accept(2)`, `getsockname(2)` or `recvfrom(2)` do, and keeps what it wrote.
    ///
    /// `fill` receives a pointer to `SOCKADDR_MAX` writable bytes, aligned for any sockaddr,
    /// and a length initialised to `SOCKADDR_MAX`; it must leave the length the kernel
    /// reported. A reported length beyond the storage (a truncated address) is clamped.
    ///
    /// ```
    /// use sock::{Family, SockAddr, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.bind(("127.0.0.1", 0))?;
    /// let (rc, addr) = SockAddr::fill_with(|ptr, len| {
    ///     // SAFETY: `fill_with` passes writable storage and its length, as getsockname wants.
    ///     sock::core::cvt(unsafe { libc::getsockname(s.fileno(), ptr, len) })
    /// })?;
    /// assert_eq!((rc, addr), (0, s.local_addr()?));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn fill_with<T>(
        fill: impl FnOnce(*mut libc::sockaddr, *mut libc::socklen_t) -> io::Result<T>,
    ) -> io::Result<(T, SockAddr)> {
        let mut addr = SockAddr::empty();
        let mut len = SOCKADDR_MAX as libc::socklen_t;
        let value = fill(addr.storage.0.as_mut_ptr().cast(), &mut len)?;
        addr.len = len.min(SOCKADDR_MAX as libc::socklen_t);
        Ok((value, addr))
    }

    /// A pointer to the storage for syscall wrappers of this crate that write an address.
    #[inline]
    pub(crate) fn storage_mut_ptr(&mut self) -> *mut libc::sockaddr {
        self.storage.0.as_mut_ptr().cast()
    }

    /// Sets the length after a syscall wrote the storage, clamped to the storage size.
    #[inline]
    pub(crate) fn set_len(&mut self, len: libc::socklen_t) {
        self.len = len.min(SOCKADDR_MAX as libc::socklen_t);
    }

    /// The address as a `std::net::SocketAddr`, if it is a complete `AF_INET` or `AF_INET6`
    /// address. IPv6 keeps flowinfo and scope id.
    ///
    /// ```
    /// use sock::{consts::AF_UNIX, SockAddr};
    /// use std::net::{Ipv6Addr, SocketAddr, SocketAddrV6};
    /// let v6 = SocketAddrV6::new(Ipv6Addr::LOCALHOST, 80, 0, 2); // scope id 2 survives
    /// assert_eq!(SockAddr::from(v6).as_socket(), Some(SocketAddr::V6(v6)));
    /// assert_eq!(SockAddr::new(AF_UNIX as u16, b"\0x")?.as_socket(), None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_socket(&self) -> Option<SocketAddr> {
        let b = &self.storage.0;
        match i32::from(self.family()) {
            libc::AF_INET if self.len() >= 16 => {
                let port = u16::from_be_bytes([b[2], b[3]]);
                let ip = Ipv4Addr::new(b[4], b[5], b[6], b[7]);
                Some(SocketAddr::V4(SocketAddrV4::new(ip, port)))
            }
            libc::AF_INET6 if self.len() >= 28 => {
                let port = u16::from_be_bytes([b[2], b[3]]);
                let flowinfo = u32::from_be_bytes([b[4], b[5], b[6], b[7]]);
                let mut octets = [0u8; 16];
                octets.copy_from_slice(&b[8..24]);
                let scope_id = u32::from_ne_bytes([b[24], b[25], b[26], b[27]]);
                Some(SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::from(octets), port, flowinfo, scope_id)))
            }
            _ => None,
        }
    }

    /// For an `AF_UNIX` address: the bytes of `sun_path` as the kernel reported them (`None`
    /// for other families). Empty for an unnamed socket; starts with NUL for an abstract name;
    /// a pathname keeps its terminating NUL if the length covered it.
    ///
    /// ```
    /// use sock::SockAddr;
    /// let path = std::os::unix::net::SocketAddr::from_pathname("/run/app.sock")?;
    /// let a = SockAddr::try_from(&path)?;
    /// assert_eq!(a.unix_path_bytes(), Some(&b"/run/app.sock\0"[..]));
    /// let v4 = SockAddr::from("127.0.0.1:80".parse::<std::net::SocketAddr>().unwrap());
    /// assert_eq!(v4.unix_path_bytes(), None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn unix_path_bytes(&self) -> Option<&[u8]> {
        if i32::from(self.family()) != libc::AF_UNIX {
            return None;
        }
        Some(self.data())
    }
}

impl Default for SockAddr {
    fn default() -> Self {
        SockAddr::empty()
    }
}

impl PartialEq for SockAddr {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for SockAddr {}

impl std::hash::Hash for SockAddr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

/// The family's one text form where sock-core knows the family — `AF_INET`/`AF_INET6` as
/// `std::net::SocketAddr` prints (`127.0.0.1:80`, `[fe80::1%2]:80`), `AF_UNIX` as
/// `UnixAddr` does (`/run/app.sock`, `@name`, empty for unnamed) — and otherwise
/// `AF_CAN:` (the family name) followed by the address bytes in hex. The facade's
/// `sock::Addr` prints every family's text form (it knows them all); an empty address is
/// empty.
///
/// ```
/// use sock::SockAddr;
/// let v6: std::net::SocketAddr = "[::1]:8080".parse().unwrap();
/// assert_eq!(SockAddr::from(v6).to_string(), "[::1]:8080");
/// let abstract_name = SockAddr::new(libc::AF_UNIX as u16, b"\0name").unwrap();
/// assert_eq!(abstract_name.to_string(), "@name");
/// let can = SockAddr::new(libc::AF_CAN as u16, &[1, 0, 0, 0]).unwrap();
/// assert_eq!(can.to_string(), "AF_CAN:01:00:00:00");
/// ```
impl fmt::Display for SockAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return Ok(());
        }
        if let Some(sa) = self.as_socket() {
            return write!(f, "{sa}");
        }
        if let Some(path) = self.unix_path_bytes() {
            // The kernel may count a pathname's terminating NUL: the text stops at it.
            let significant = match path.split_first() {
                Some((0, _)) | None => path,
                Some(_) => path.split(|b| *b == 0).next().unwrap_or(path),
            };
            return crate::text::fmt_unix_path(f, significant);
        }
        let family = crate::family::family_name(crate::Family(i32::from(self.family())));
        write!(f, "{family}:{}", crate::text::HexBytes(self.data()))
    }
}

impl fmt::Debug for SockAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sa) = self.as_socket() {
            return write!(f, "SockAddr({sa})");
        }
        write!(f, "SockAddr {{ family: {}, data: {:02x?} }}", self.family(), self.data())
    }
}

fn encode_v4(addr: &SocketAddrV4) -> SockAddr {
    let mut data = [0u8; 14];
    data[..2].copy_from_slice(&addr.port().to_be_bytes());
    data[2..6].copy_from_slice(&addr.ip().octets());
    SockAddr::new(libc::AF_INET as u16, &data).expect("sockaddr_in fits")
}

fn encode_v6(addr: &SocketAddrV6) -> SockAddr {
    let mut data = [0u8; 26];
    data[..2].copy_from_slice(&addr.port().to_be_bytes());
    data[2..6].copy_from_slice(&addr.flowinfo().to_be_bytes());
    data[6..22].copy_from_slice(&addr.ip().octets());
    data[22..26].copy_from_slice(&addr.scope_id().to_ne_bytes());
    SockAddr::new(libc::AF_INET6 as u16, &data).expect("sockaddr_in6 fits")
}

impl From<SocketAddrV4> for SockAddr {
    fn from(addr: SocketAddrV4) -> Self {
        encode_v4(&addr)
    }
}

impl From<SocketAddrV6> for SockAddr {
    fn from(addr: SocketAddrV6) -> Self {
        encode_v6(&addr)
    }
}

impl From<SocketAddr> for SockAddr {
    fn from(addr: SocketAddr) -> Self {
        match addr {
            SocketAddr::V4(a) => encode_v4(&a),
            SocketAddr::V6(a) => encode_v6(&a),
        }
    }
}

impl TryFrom<&std::os::unix::net::SocketAddr> for SockAddr {
    type Error = io::Error;

    fn try_from(addr: &std::os::unix::net::SocketAddr) -> io::Result<Self> {
        use std::os::linux::net::SocketAddrExt;
        if let Some(path) = addr.as_pathname() {
            return unix_path_addr(path.as_os_str().as_bytes());
        }
        if let Some(name) = addr.as_abstract_name() {
            let mut data = Vec::with_capacity(name.len() + 1);
            data.push(0);
            data.extend_from_slice(name);
            return SockAddr::new(libc::AF_UNIX as u16, &data);
        }
        SockAddr::new(libc::AF_UNIX as u16, &[])
    }
}

/// An `AF_UNIX` pathname address: the length covers the terminating NUL, as CPython does.
fn unix_path_addr(path: &[u8]) -> io::Result<SockAddr> {
    if path.contains(&0) {
        return Err(invalid_input("path", "AF_UNIX path must not contain NUL bytes"));
    }
    if path.len() >= 108 {
        return Err(invalid_input("path", "AF_UNIX path too long"));
    }
    let mut data = [0u8; 108];
    data[..path.len()].copy_from_slice(path);
    SockAddr::new(libc::AF_UNIX as u16, &data[..path.len() + 1])
}

impl From<socket2::SockAddr> for SockAddr {
    fn from(addr: socket2::SockAddr) -> Self {
        let (_, out) = SockAddr::fill_with(|ptr, len| {
            let n = (addr.len() as usize).min(SOCKADDR_MAX);
            // SAFETY: `addr.as_ptr()` is a sockaddr_storage (≥ SOCKADDR_MAX bytes); `ptr` points to
            // SOCKADDR_MAX writable bytes of another object; `n` ≤ SOCKADDR_MAX.
            unsafe { std::ptr::copy_nonoverlapping(addr.as_ptr().cast::<u8>(), ptr.cast::<u8>(), n) };
            // SAFETY: `len` is the valid out-pointer `fill_with` gave us.
            unsafe { *len = n as libc::socklen_t };
            Ok(())
        })
        .expect("infallible copy");
        out
    }
}

impl From<SockAddr> for socket2::SockAddr {
    fn from(addr: SockAddr) -> Self {
        let mut storage = socket2::SockAddrStorage::zeroed();
        // SAFETY: viewing the storage as `sockaddr_storage`, which is the type it wraps.
        let raw = unsafe { storage.view_as::<libc::sockaddr_storage>() };
        let dst: *mut u8 = (raw as *mut libc::sockaddr_storage).cast();
        // SAFETY: `dst` points to 128 writable bytes and the source holds `addr.len()` ≤ 128.
        unsafe { std::ptr::copy_nonoverlapping(addr.as_bytes().as_ptr(), dst, addr.len()) };
        // SAFETY: the first `addr.len()` bytes are a copy of a kernel-shaped address of that
        // length and family; the rest is zeroed.
        unsafe { socket2::SockAddr::new(storage, addr.socklen()) }
    }
}

/// Anything a socket method accepts as an address: [`SockAddr`], `std::net` addresses,
/// `std::os::unix::net::SocketAddr`, and each family crate's typed addresses and natural forms
/// (`("localhost", 80)` with `sock-inet`, `("vcan0",)` with `sock-can` ...).
///
/// The conversion receives the socket, so it can pick the family (`""` is `0.0.0.0` or `::`)
/// and resolve interface names on it, as CPython does.
///
/// The `Marker` parameter exists only so that family crates may implement this trait for tuples
/// of standard types (Rust's orphan rule forbids it otherwise); each family crate uses its own
/// uninhabited marker and every tuple shape belongs to exactly one family, so inference always
/// finds a single impl. Code that is generic over addresses writes
/// `fn f<M>(addr: impl ToSockAddr<M>)`.
///
/// ```
/// use sock::{Family, SockAddr, Socket, ToSockAddr, Type};
/// use std::net::{Ipv4Addr, SocketAddr};
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// let a = (Ipv4Addr::LOCALHOST, 8080).to_sock_addr(&s)?;
/// let b = "127.0.0.1:8080".parse::<SocketAddr>().unwrap().to_sock_addr(&s)?;
/// assert_eq!(a, b);
/// // Generic over every address form, as the socket methods are:
/// fn bound<M>(s: &Socket, addr: impl ToSockAddr<M>) -> std::io::Result<SockAddr> {
///     s.bind(addr)?;
///     s.local_addr()
/// }
/// assert_eq!(bound(&s, ("127.0.0.1", 0))?.family(), sock::consts::AF_INET as u16);
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait ToSockAddr<Marker = ()> {
    /// Converts this value to a raw address suitable for `socket`.
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr>;
}

impl ToSockAddr for SockAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(*self)
    }
}

impl<M, T: ToSockAddr<M> + ?Sized> ToSockAddr<M> for &T {
    fn to_sock_addr(&self, socket: &Socket) -> io::Result<SockAddr> {
        (**self).to_sock_addr(socket)
    }
}

impl ToSockAddr for SocketAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

impl ToSockAddr for SocketAddrV4 {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

impl ToSockAddr for SocketAddrV6 {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

impl ToSockAddr for (IpAddr, u16) {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(SocketAddr::new(self.0, self.1)))
    }
}

impl ToSockAddr for (Ipv4Addr, u16) {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(SocketAddrV4::new(self.0, self.1)))
    }
}

impl ToSockAddr for (Ipv6Addr, u16) {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(SocketAddrV6::new(self.0, self.1, 0, 0)))
    }
}

impl ToSockAddr for std::os::unix::net::SocketAddr {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        SockAddr::try_from(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn v6_keeps_flowinfo_and_scope() {
        let sa: SocketAddr = SocketAddrV6::new("fe80::1".parse().unwrap(), 80, 0x12345, 7).into();
        let raw = SockAddr::from(sa);
        assert_eq!(raw.len(), 28);
        assert_eq!(raw.as_socket(), Some(sa));
    }

    #[test]
    fn socket2_round_trip() {
        let sa: SocketAddr = "[::1]:9".parse().unwrap();
        let ours = SockAddr::from(sa);
        let theirs = socket2::SockAddr::from(ours);
        assert_eq!(theirs.as_socket(), Some(sa));
        assert_eq!(SockAddr::from(theirs), ours);
    }

    #[test]
    fn too_long_is_invalid_input() {
        assert_eq!(SockAddr::new(1, &[0; 127]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(SockAddr::from_bytes(&[0; 129]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert!(SockAddr::new(1, &[0; 126]).is_ok());
    }

    proptest! {
        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=128)) {
            let a = SockAddr::from_bytes(&bytes).unwrap();
            prop_assert_eq!(a.as_bytes(), &bytes[..]);
            let _ = a.as_socket();
            let _ = a.unix_path_bytes();
            let _ = format!("{a:?}");
        }

        #[test]
        fn std_addresses_round_trip(ip in any::<[u8; 16]>(), port in any::<u16>(), flow in 0u32..0x100000, scope in any::<u32>(), v4 in any::<[u8; 4]>()) {
            let six = SocketAddr::V6(SocketAddrV6::new(Ipv6Addr::from(ip), port, flow, scope));
            prop_assert_eq!(SockAddr::from(six).as_socket(), Some(six));
            let four = SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::from(v4), port));
            prop_assert_eq!(SockAddr::from(four).as_socket(), Some(four));
        }
    }
}
