//! Ancillary data (control messages): [`CmsgWriter`] builds them into a caller buffer for
//! `send_msg`, [`CmsgIter`] walks a buffer filled by `recv_msg`. Both are bounds-checked:
//! the writer refuses what does not fit, the parser reports a truncated item and never reads
//! past the buffer. `cmsg_len` and `cmsg_space` are CPython's `CMSG_LEN` and `CMSG_SPACE`.
//!
//! ```
//! use sock::cmsg::{cmsg_space, CmsgIter, CmsgWriter};
//! let mut buf = [0u8; 64];
//! let mut w = CmsgWriter::new(&mut buf);
//! w.push(1, 1, &7i32.to_ne_bytes())?;
//! let len = w.len();
//! assert_eq!(len, cmsg_space(4)?);
//! let items: Vec<_> = CmsgIter::new(&buf[..len]).collect();
//! assert_eq!((items[0].level, items[0].ty, items[0].data), (1, 1, &7i32.to_ne_bytes()[..]));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io;
use std::mem::size_of;

use libc::c_int;

use crate::error::invalid_input;
use crate::pod::{bytes_of, Pod};

/// Alignment of control messages: `CMSG_ALIGN` rounds to the size of `size_t`.
const ALIGN: usize = size_of::<usize>();
/// Size of `struct cmsghdr`: `size_t cmsg_len; int cmsg_level; int cmsg_type`.
const HDR: usize = size_of::<libc::cmsghdr>();
/// CPython's `SOCKLEN_T_LIMIT`: the largest length either macro may produce.
pub(crate) const LIMIT: usize = i32::MAX as usize;

const fn align(len: usize) -> usize {
    (len + ALIGN - 1) & !(ALIGN - 1)
}

/// `CMSG_LEN(length)`: the `cmsg_len` of an item with `length` data bytes. Lengths whose
/// result would exceed `i32::MAX` are `InvalidInput` ("CMSG_LEN() argument out of range").
///
/// ```
/// use sock::cmsg::{cmsg_len, HEADER_LEN};
/// // One fd of SCM_RIGHTS: the aligned header, then 4 data bytes.
/// assert_eq!(cmsg_len(4)?, HEADER_LEN + 4);
/// assert_eq!(cmsg_len(usize::MAX).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn cmsg_len(length: usize) -> io::Result<usize> {
    if length > LIMIT - align(HDR) {
        return Err(invalid_input("length", "CMSG_LEN() argument out of range"));
    }
    Ok(align(HDR) + length)
}

/// `CMSG_SPACE(length)`: the buffer space one item with `length` data bytes takes, padding
/// included. Out of range lengths are `InvalidInput` ("CMSG_SPACE() argument out of range").
///
/// ```
/// use sock::{cmsg_len, cmsg_space};
/// // The data is padded to the alignment, so the space is at least the length.
/// assert!(cmsg_space(4)? >= cmsg_len(4)?);
/// assert_eq!(cmsg_space(4)? % std::mem::size_of::<usize>(), 0);
/// // A control buffer with room for two items of one fd each:
/// let control = vec![0u8; 2 * cmsg_space(4)?];
/// assert_eq!(control.len(), 2 * cmsg_space(4)?);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn cmsg_space(length: usize) -> io::Result<usize> {
    // Like CPython: leave room for the padding before and after the data.
    if length > LIMIT - (align(HDR) + ALIGN) {
        return Err(invalid_input("length", "CMSG_SPACE() argument out of range"));
    }
    Ok(align(HDR) + align(length))
}

/// `CMSG_LEN(0)`: the aligned size of `struct cmsghdr`, where an item's data starts.
pub const HEADER_LEN: usize = align(HDR);

/// `CMSG_SPACE(length)` for constant sizes, to size stack buffers (`[0u8; space_of(4)]`):
/// `None` where [`cmsg_space`] would fail.
///
/// ```
/// const ONE_FD: usize = match sock::cmsg::space_of(4) { Some(n) => n, None => 0 };
/// assert_eq!(ONE_FD, sock::cmsg_space(4)?);
/// # Ok::<(), std::io::Error>(())
/// ```
pub const fn space_of(length: usize) -> Option<usize> {
    if length > LIMIT - (align(HDR) + ALIGN) {
        return None;
    }
    Some(align(HDR) + align(length))
}

/// The receive time in one `SOL_SOCKET` item: `SCM_TIMESTAMPNS` (`timespec`) or
/// `SCM_TIMESTAMP` (`timeval`), as time since the Unix epoch; `None` for other items, short
/// items, or values out of range (negative, or a sub-second field of a second or more). Any
/// family that turns on `SO_TIMESTAMP`/`SO_TIMESTAMPNS` decodes its items with this.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter, timestamp};
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// let tv: [i64; 2] = [1_700_000_000, 250_000];
/// w.push(libc::SOL_SOCKET, libc::SCM_TIMESTAMP, sock::pod::bytes_of(&tv))?;
/// let n = w.len();
/// let item = CmsgIter::new(&buf[..n]).next().unwrap();
/// assert_eq!(timestamp(&item), Some(std::time::Duration::new(1_700_000_000, 250_000_000)));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn timestamp(item: &Cmsg<'_>) -> Option<std::time::Duration> {
    if item.level != libc::SOL_SOCKET || item.truncated {
        return None;
    }
    // The native `timeval`/`timespec`: two 64-bit fields on 64-bit (and time64) ABIs, two
    // 32-bit ones on the old 32-bit ABIs.
    let [secs, frac] = match item.data.len() {
        16.. => crate::pod::read_pod::<[i64; 2]>(item.data)?,
        8..=15 => crate::pod::read_pod::<[i32; 2]>(item.data)?.map(i64::from),
        _ => return None,
    };
    let secs = u64::try_from(secs).ok()?;
    let nanos = match item.ty {
        libc::SCM_TIMESTAMPNS if (0..1_000_000_000).contains(&frac) => frac,
        libc::SCM_TIMESTAMP if (0..1_000_000).contains(&frac) => frac * 1000, // < 10^9: no overflow
        _ => return None,
    };
    Some(std::time::Duration::new(secs, u32::try_from(nanos).ok()?))
}

/// Builds control messages into a caller buffer (zeroed first, since `CMSG_NXTHDR`
/// implementations read the next header).
///
/// ```
/// use sock::cmsg::CmsgWriter;
/// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
/// use sock::{Family, Socket, Type};
/// use std::io::{IoSlice, IoSliceMut};
/// use std::os::fd::AsRawFd;
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// let mut control = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut control);
/// w.push_value(SOL_SOCKET, SCM_RIGHTS, &std::io::stdin().as_raw_fd())?;
/// a.send_msg(&[IoSlice::new(b"fd")], w.as_bytes(), 0, None)?;
/// let (mut data, mut rcontrol) = ([0u8; 2], [0u8; 64]);
/// let (msg, fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut rcontrol, 0)?;
/// assert_eq!((msg.bytes, fds.len()), (2, 1)); // a new fd for the same stdin
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CmsgWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> CmsgWriter<'a> {
    /// A writer over `buf`, which it zero-fills.
    ///
    /// ```
    /// use sock::cmsg::CmsgWriter;
    /// let mut buf = [0xffu8; 32];
    /// let w = CmsgWriter::new(&mut buf);
    /// assert!(w.is_empty());
    /// assert_eq!(buf, [0; 32]); // zero-filled
    /// ```
    pub fn new(buf: &'a mut [u8]) -> Self {
        buf.fill(0);
        CmsgWriter { buf, len: 0 }
    }

    /// Appends one item. Fails with `InvalidInput` if it does not fit in the buffer.
    ///
    /// ```
    /// use sock::cmsg::{cmsg_space, CmsgWriter};
    /// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
    /// let mut buf = vec![0u8; cmsg_space(4)?];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push(SOL_SOCKET, SCM_RIGHTS, &0i32.to_ne_bytes())?;
    /// let e = w.push(SOL_SOCKET, SCM_RIGHTS, &1i32.to_ne_bytes()).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput); // full: refused, nothing written
    /// assert_eq!(w.len(), cmsg_space(4)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push(&mut self, level: c_int, ty: c_int, data: &[u8]) -> io::Result<()> {
        let space = cmsg_space(data.len()).map_err(|_| invalid_input("cmsg", "ancillary data item too large"))?;
        let end = self.len.checked_add(space).filter(|&e| e <= self.buf.len() && e <= LIMIT);
        let Some(end) = end else {
            return Err(invalid_input("cmsg", "ancillary data buffer too small for this item"));
        };
        let item = &mut self.buf[self.len..end];
        let clen = align(HDR) + data.len();
        item[..ALIGN].copy_from_slice(&clen.to_ne_bytes());
        item[ALIGN..ALIGN + 4].copy_from_slice(&level.to_ne_bytes());
        item[ALIGN + 4..ALIGN + 8].copy_from_slice(&ty.to_ne_bytes());
        item[align(HDR)..clen].copy_from_slice(data);
        self.len = end;
        Ok(())
    }

    /// Appends one item whose data is a `Pod` value.
    ///
    /// ```
    /// use sock::cmsg::{CmsgIter, CmsgWriter};
    /// use sock::consts::{SCM_CREDENTIALS, SOL_SOCKET};
    /// let me = libc::ucred { pid: std::process::id() as i32, uid: 1000, gid: 1000 };
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push_value(SOL_SOCKET, SCM_CREDENTIALS, &me)?;
    /// let item = CmsgIter::new(w.as_bytes()).next().unwrap();
    /// assert_eq!(item.value::<libc::ucred>().map(|c| c.uid), Some(1000));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push_value<T: Pod>(&mut self, level: c_int, ty: c_int, value: &T) -> io::Result<()> {
        self.push(level, ty, bytes_of(value))
    }

    /// The bytes written so far (what `msg_controllen` should be).
    ///
    /// ```
    /// use sock::cmsg::{cmsg_space, CmsgWriter};
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// assert_eq!(w.len(), 0);
    /// w.push_value(sock::consts::SOL_SOCKET, sock::consts::SCM_RIGHTS, &0i32)?;
    /// assert_eq!(w.len(), cmsg_space(4)?); // pass this as msg_controllen
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was written.
    ///
    /// ```
    /// use sock::cmsg::CmsgWriter;
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// assert!(w.is_empty() && w.as_bytes().is_empty());
    /// w.push(sock::consts::SOL_SOCKET, sock::consts::SCM_RIGHTS, &0i32.to_ne_bytes())?;
    /// assert!(!w.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The finished control buffer.
    ///
    /// ```
    /// use sock::cmsg::{cmsg_len, CmsgWriter};
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push(sock::consts::SOL_SOCKET, sock::consts::SCM_RIGHTS, &0i32.to_ne_bytes())?;
    /// let bytes = w.as_bytes();
    /// assert_eq!(bytes.len(), w.len());
    /// // The item starts with its `cmsg_len` (a native `size_t`).
    /// assert_eq!(usize::from_ne_bytes(bytes[..8].try_into().unwrap()), cmsg_len(4)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// One control message as found in a received buffer.
///
/// ```
/// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
/// use sock::{Family, Socket, Type};
/// use std::io::IoSliceMut;
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// sock::send_fds(&a, &[std::io::IoSlice::new(b"x")], &[std::io::stdin()], 0, None)?;
/// let (mut data, mut control) = ([0u8; 1], [0u8; 64]);
/// let (msg, _fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut control, 0)?;
/// let item = sock::cmsg::CmsgIter::new(&control[..msg.control_len]).next().unwrap();
/// assert_eq!((item.level, item.ty, item.data.len(), item.truncated), (SOL_SOCKET, SCM_RIGHTS, 4, false));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cmsg<'a> {
    /// `cmsg_level` (`SOL_SOCKET`, `IPPROTO_IPV6`...).
    pub level: c_int,
    /// `cmsg_type` (`SCM_RIGHTS`, `IPV6_HOPLIMIT`...).
    pub ty: c_int,
    /// The data bytes that lie inside the buffer.
    pub data: &'a [u8],
    /// Whether `cmsg_len` claimed more data than the buffer holds (the item was cut short;
    /// `data` is what there is). Nothing follows a truncated item.
    pub truncated: bool,
}

impl<'a> Cmsg<'a> {
    /// The data read as a `Pod` value, if there are enough bytes.
    ///
    /// ```
    /// use sock::cmsg::{CmsgIter, CmsgWriter};
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push_value(sock::consts::SOL_IP, 2 /* IP_TTL */, &64i32)?;
    /// let item = CmsgIter::new(w.as_bytes()).next().unwrap();
    /// assert_eq!(item.value::<i32>(), Some(64));
    /// assert_eq!(item.value::<u64>(), None); // only 4 bytes
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn value<T: Pod>(&self) -> Option<T> {
        crate::pod::read_pod(self.data)
    }

    /// This item decoded as `T`, one family's typed ancillary data (`sock::inet::InetCmsg`,
    /// `sock::unix::Credentials`, `sock::tipc::TipcAncillary`...); `None` if the item is not
    /// one of `T`'s. Works the same on a [`CmsgIter`]'s items and on the owned items of
    /// [`recv_msg_vec`](crate::Socket::recv_msg_vec) (through
    /// [`AncData::as_cmsg`](crate::AncData::as_cmsg)).
    ///
    /// ```
    /// use sock::cmsg::{CmsgIter, CmsgWriter};
    /// use sock::inet::InetCmsg;
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// InetCmsg::HopLimit(7).encode(&mut w)?;
    /// let len = w.len();
    /// let item = CmsgIter::new(&buf[..len]).next().unwrap();
    /// assert_eq!(item.decode::<InetCmsg>(), Some(InetCmsg::HopLimit(7)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode<T: DecodeCmsg<'a>>(&self) -> Option<T> {
        T::decode_cmsg(self)
    }
}

/// A family's typed ancillary item, decoded from a received [`Cmsg`]: the one decoding
/// contract of every family crate, used alike on borrowed buffers ([`CmsgIter`]) and on owned
/// items ([`AncData`](crate::AncData)). Call it as [`Cmsg::decode`].
///
/// ```
/// use sock::cmsg::{Cmsg, CmsgIter, CmsgWriter, DecodeCmsg};
/// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
///
/// // How a family crate declares its typed item.
/// #[derive(Debug, PartialEq)]
/// struct FirstFd(i32);
/// impl<'a> DecodeCmsg<'a> for FirstFd {
///     fn decode_cmsg(item: &Cmsg<'a>) -> Option<Self> {
///         if (item.level, item.ty) != (SOL_SOCKET, SCM_RIGHTS) {
///             return None;
///         }
///         item.value::<i32>().map(FirstFd)
///     }
/// }
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push_value(SOL_SOCKET, SCM_RIGHTS, &[5i32, 6])?;
/// let item = CmsgIter::new(w.as_bytes()).next().unwrap();
/// assert_eq!(item.decode::<FirstFd>(), Some(FirstFd(5)));
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait DecodeCmsg<'a>: Sized {
    /// `item` as `Self`, or `None` when it is another level/type or too short.
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<Self>;
}

/// Iterates the control messages of a received buffer (pass exactly the `control_len` that
/// `recv_msg` reported). Stops at a header that does not fit or claims less than a header;
/// yields an item whose data runs past the buffer once, marked `truncated`, then stops.
///
/// ```
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push_value(SOL_SOCKET, SCM_RIGHTS, &3i32)?;
/// w.push_value(SOL_SOCKET, SCM_RIGHTS, &4i32)?;
/// let n = w.len();
/// let fds: Vec<i32> = CmsgIter::new(&buf[..n]).filter_map(|c| c.value::<i32>()).collect();
/// assert_eq!(fds, [3, 4]);
/// // A buffer cut inside an item: the item comes once, marked truncated, then nothing.
/// let cut: Vec<_> = CmsgIter::new(&buf[..n - 6]).collect();
/// assert_eq!((cut.len(), cut[1].truncated), (2, true));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct CmsgIter<'a> {
    rest: &'a [u8],
}

impl<'a> CmsgIter<'a> {
    /// An iterator over `buf`.
    ///
    /// ```
    /// use sock::cmsg::CmsgIter;
    /// assert_eq!(CmsgIter::new(&[]).count(), 0);
    /// assert_eq!(CmsgIter::new(&[0u8; 8]).count(), 0); // shorter than a header
    /// ```
    pub fn new(buf: &'a [u8]) -> Self {
        CmsgIter { rest: buf }
    }
}

impl<'a> Iterator for CmsgIter<'a> {
    type Item = Cmsg<'a>;

    fn next(&mut self) -> Option<Cmsg<'a>> {
        let buf = self.rest;
        if buf.len() < HDR {
            self.rest = &[];
            return None;
        }
        let clen = usize::from_ne_bytes(buf[..ALIGN].try_into().ok()?);
        let level = c_int::from_ne_bytes(buf[ALIGN..ALIGN + 4].try_into().ok()?);
        let ty = c_int::from_ne_bytes(buf[ALIGN + 4..ALIGN + 8].try_into().ok()?);
        if clen < align(HDR) {
            self.rest = &[];
            return None;
        }
        let data_start = align(HDR).min(buf.len());
        if clen > buf.len() {
            self.rest = &[];
            return Some(Cmsg { level, ty, data: &buf[data_start..], truncated: true });
        }
        let data = &buf[data_start..clen];
        self.rest = buf.get(align(clen)..).unwrap_or(&[]);
        Some(Cmsg { level, ty, data, truncated: false })
    }
}

impl std::iter::FusedIterator for CmsgIter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn macros_equal_libc() {
        for n in [0usize, 1, 3, 4, 7, 8, 9, 16, 100, 1000, 65536] {
            // SAFETY: the libc macros are pure arithmetic on their argument.
            let (l, s) = unsafe { (libc::CMSG_LEN(n as u32) as usize, libc::CMSG_SPACE(n as u32) as usize) };
            assert_eq!(cmsg_len(n).unwrap(), l, "CMSG_LEN({n})");
            assert_eq!(cmsg_space(n).unwrap(), s, "CMSG_SPACE({n})");
        }
    }

    #[test]
    fn macro_limits_like_cpython() {
        let max_len = LIMIT - cmsg_len(0).unwrap();
        assert_eq!(cmsg_len(max_len).unwrap(), LIMIT);
        let kind = |r: io::Result<usize>| r.unwrap_err().kind();
        assert_eq!(kind(cmsg_len(max_len + 1)), io::ErrorKind::InvalidInput);
        assert_eq!(kind(cmsg_len(usize::MAX)), io::ErrorKind::InvalidInput);
        assert_eq!(kind(cmsg_space(usize::MAX)), io::ErrorKind::InvalidInput);
        assert_eq!(space_of(usize::MAX), None);
        let max_space = LIMIT - cmsg_space(1).unwrap();
        assert!(cmsg_space(max_space).unwrap() <= LIMIT);
        assert_eq!(kind(cmsg_space(max_space + 1)), io::ErrorKind::InvalidInput);
        assert_eq!(space_of(max_space + 1), None);
        assert_eq!(space_of(max_space), cmsg_space(max_space).ok());
        let mut prev = 0;
        for n in 0..100 {
            let s = cmsg_space(n).unwrap();
            assert!(s >= prev && s >= cmsg_len(n).unwrap());
            assert_eq!(cmsg_len(n).unwrap() - cmsg_len(0).unwrap(), n);
            prev = s;
        }
    }

    #[test]
    fn writer_refuses_overflow() {
        let mut buf = [0u8; 24];
        let mut w = CmsgWriter::new(&mut buf);
        assert_eq!(w.push(1, 1, &[0; 9]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        w.push(1, 1, &[1, 2, 3, 4]).unwrap();
        assert_eq!(w.len(), cmsg_space(4).unwrap());
        assert_eq!(w.push(1, 1, &[]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn truncated_item_is_reported() {
        let mut buf = [0u8; 64];
        let mut w = CmsgWriter::new(&mut buf);
        w.push(1, 1, &[7; 12]).unwrap();
        let full = w.len();
        let cut = &buf[..full - 8];
        let items: Vec<_> = CmsgIter::new(cut).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0].truncated);
        assert_eq!(items[0].data.len(), cut.len() - align(HDR));
        assert_eq!(CmsgIter::new(&buf[..HDR - 1]).count(), 0);
    }

    proptest! {
        #[test]
        fn any_buffer_parses(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let mut seen = 0usize;
            for item in CmsgIter::new(&bytes) {
                seen += item.data.len();
                prop_assert!(seen <= bytes.len());
            }
        }

        #[test]
        fn build_then_parse(items in proptest::collection::vec((any::<i32>(), any::<i32>(), proptest::collection::vec(any::<u8>(), 0..40)), 0..6)) {
            let mut buf = vec![0u8; 1024];
            let mut w = CmsgWriter::new(&mut buf);
            for (l, t, d) in &items {
                w.push(*l, *t, d).unwrap();
            }
            let len = w.len();
            let parsed: Vec<_> = CmsgIter::new(&buf[..len]).collect();
            prop_assert_eq!(parsed.len(), items.len());
            for (p, (l, t, d)) in parsed.iter().zip(&items) {
                prop_assert_eq!((p.level, p.ty, p.data, p.truncated), (*l, *t, &d[..], false));
            }
        }
    }
}
