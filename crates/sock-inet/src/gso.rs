//! UDP segmentation offload and receive coalescing: the sizes and buffers around `UDP_SEGMENT`
//! and `UDP_GRO`. The options are methods of [`InetSocketExt`](crate::InetSocketExt), the
//! ancillary items are [`InetCmsg::UdpSegment`] and [`InetCmsg::UdpGro`]; this module checks a
//! segment size ([`checked_segment_size`]), finds the segment size of a received buffer
//! ([`gro_segment_size`]) and splits the buffer into its datagrams ([`gro_segments`]).
//!
//! With `UDP_SEGMENT` one `send` of up to 64 KiB leaves as many datagrams of the segment size
//! (the last may be shorter); the kernel refuses (`EINVAL`, kind `InvalidInput`) a segment size
//! that does not fit the path MTU and more than 64 (Linux ≥ 6.10: 128) segments per send. With
//! `UDP_GRO` on, one `recv_msg` may return several datagrams of one sender back to back, with
//! an `InetCmsg::UdpGro` item holding their size; a buffer without that item is one datagram.

use std::io;
use std::iter::FusedIterator;
use std::net::SocketAddr;

use sock_core::cmsg::space_of;
use sock_core::{invalid_input, MsgFlags, SockAddr};

use crate::cmsg::InetCmsg;

/// `CMSG_SPACE(n)` as a constant (every size used here is small, so never the `None` case).
const fn space(n: usize) -> usize {
    match space_of(n) {
        Some(s) => s,
        None => 0,
    }
}

/// The control buffer a GRO receive needs when the socket asked for everything a UDP
/// receive can carry, once each, for both IP versions together (a dual-stack IPv6 socket
/// receiving IPv4 may get items of both):
///
/// | item | data |
/// | --- | --- |
/// | `UDP_GRO` (the segment size) | `int` |
/// | `SCM_TIMESTAMPNS` or `SCM_TIMESTAMP` (`SO_TIMESTAMPNS`/`SO_TIMESTAMP`) | 16 bytes |
/// | `SCM_TIMESTAMPING` (`SO_TIMESTAMPING`) | 3 × `timespec`, 48 bytes |
/// | `IP_TOS` (`IP_RECVTOS`), `IPV6_TCLASS` (`IPV6_RECVTCLASS`) | 1 byte, `int` |
/// | `IP_PKTINFO`, `IPV6_PKTINFO` | 12, 20 bytes |
/// | `IP_TTL` (`IP_RECVTTL`), `IPV6_HOPLIMIT` (`IPV6_RECVHOPLIMIT`) | `int`, `int` |
///
/// each in its `CMSG_SPACE` (288 bytes on 64-bit Linux). With a smaller buffer the kernel cuts
/// items (`MsgFlags::CTRUNC`), and a cut `UDP_GRO` item would make a coalesced buffer look
/// like one datagram: [`GroMsg`]'s receives refuse that case instead.
///
/// ```
/// use sock::cmsg_space;
/// let want = cmsg_space(4)? + cmsg_space(16)? + cmsg_space(48)? + cmsg_space(1)? + cmsg_space(4)?
///     + cmsg_space(12)? + cmsg_space(20)? + cmsg_space(4)? + cmsg_space(4)?;
/// assert_eq!(sock::inet::GRO_CONTROL_LEN, want);
/// # Ok::<(), std::io::Error>(())
/// ```
pub const GRO_CONTROL_LEN: usize =
    space(4) + space(16) + space(48) + space(1) + space(4) + space(12) + space(20) + space(4) + space(4);

/// The receive buffer a GRO receive needs to never cut a coalesced batch: 65535 bytes (the
/// kernel coalesces at most one IP packet's worth; a shorter buffer loses the rest of the
/// batch, reported as `MsgFlags::TRUNC`).
///
/// ```
/// let mut buf = vec![0u8; sock::inet::GRO_BUFFER_LEN];
/// assert_eq!(buf.len(), 65535);
/// ```
pub const GRO_BUFFER_LEN: usize = 65535;

/// A receive of `recv_gro` ([`InetSocketExt::recv_gro`](crate::InetSocketExt::recv_gro),
/// the async `AsyncInetExt::recv_gro`): several datagrams of one sender coalesced by
/// `UDP_GRO`, or one datagram.
///
/// ```
/// use sock::inet::InetSocketExt;
/// use sock::{Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// rx.set_udp_gro(true)?;
/// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// tx.set_udp_segment(1000)?;
/// tx.send_to(&[7u8; 3000], rx.local_addr()?)?;
/// let mut buf = vec![0u8; sock::inet::GRO_BUFFER_LEN];
/// let mut got = 0;
/// while got < 3 {
///     let msg = rx.recv_gro(&mut buf)?;
///     assert!(!msg.flags.contains(sock::MsgFlags::TRUNC));
///     got += msg.segments(&buf).count();
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GroMsg {
    /// Bytes received into the buffer.
    pub bytes: usize,
    /// The segment size of the coalesced datagrams, 0 when the buffer holds one datagram.
    pub segment_size: usize,
    /// The sender.
    pub addr: SocketAddr,
    /// `msg_flags` (`MsgFlags::TRUNC`: the buffer was too small).
    pub flags: MsgFlags,
    /// Bytes of ancillary data in the control buffer given to `recv_gro_with_control` (0 for
    /// `recv_gro`, which keeps only the segment size).
    pub control_len: usize,
}

impl GroMsg {
    /// The datagrams in `buf` (the buffer passed to `recv_gro`): [`gro_segments`] over
    /// `&buf[..self.bytes]`.
    ///
    /// ```
    /// use sock::inet::GroMsg;
    /// let msg = GroMsg { bytes: 2500, segment_size: 1000, addr: "127.0.0.1:9".parse().unwrap(), flags: sock::MsgFlags::NONE, control_len: 0 };
    /// let buf = vec![0u8; 65536];
    /// let lens: Vec<usize> = msg.segments(&buf).map(<[u8]>::len).collect();
    /// assert_eq!(lens, [1000, 1000, 500]);
    /// ```
    pub fn segments<'b>(&self, buf: &'b [u8]) -> GroSegments<'b> {
        gro_segments(&buf[..self.bytes.min(buf.len())], self.segment_size)
    }

    /// The message of one `recv_msg` into a GRO socket: its segment size from `control` (the
    /// filled part), its sender decoded. A coalesced buffer whose `UDP_GRO` item may have been
    /// cut (`CTRUNC` and no item, with more bytes than one datagram could be told apart from)
    /// is `InvalidData`: the datagram boundaries are lost, so the data is not handed out as one.
    pub(crate) fn from_recv(
        bytes: usize,
        flags: MsgFlags,
        addr: &SockAddr,
        control: &[u8],
        keep_control: bool,
    ) -> io::Result<GroMsg> {
        let segment_size = gro_segment_size(control);
        if segment_size == 0 && flags.contains(MsgFlags::CTRUNC) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "recv_gro: the control buffer was too small (CTRUNC) and the UDP_GRO item is missing, so the datagram boundaries are lost; give GRO_CONTROL_LEN bytes",
            ));
        }
        let addr = crate::decode(addr)?;
        let control_len = if keep_control { control.len() } else { 0 };
        Ok(GroMsg { bytes, segment_size, addr, flags, control_len })
    }
}

/// Checks a segment size given as a `usize` for `UDP_SEGMENT` (the option or the per-send
/// item): 1–65535, else `InvalidInput` naming `segment_size`. (To turn the option off, set it
/// to 0 directly with [`set_udp_segment`](crate::InetSocketExt::set_udp_segment).)
///
/// ```
/// use sock::inet::checked_segment_size;
/// assert_eq!(checked_segment_size(1200)?, 1200);
/// assert_eq!(checked_segment_size(0).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(checked_segment_size(65536).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn checked_segment_size(segment_size: usize) -> io::Result<u16> {
    match u16::try_from(segment_size) {
        Ok(size) if size > 0 => Ok(size),
        _ => Err(invalid_input("segment_size", "segment size must be 1-65535")),
    }
}

/// The segment size of a buffer received with `UDP_GRO` on: the value of the
/// [`InetCmsg::UdpGro`] item in `control` (pass `&control[..msg.control_len]`), or 0 when there
/// is none (the buffer is one datagram). Feed it to [`gro_segments`].
///
/// ```
/// use sock::cmsg::CmsgWriter;
/// use sock::inet::{gro_segment_size, InetCmsg};
/// let mut control = [0u8; 32];
/// let mut w = CmsgWriter::new(&mut control);
/// InetCmsg::UdpGro(1200).encode(&mut w)?;
/// let len = w.len();
/// assert_eq!(gro_segment_size(&control[..len]), 1200);
/// assert_eq!(gro_segment_size(&[]), 0);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gro_segment_size(control: &[u8]) -> usize {
    InetCmsg::parse(control)
        .find_map(|item| match item {
            InetCmsg::UdpGro(size) => Some(usize::from(size)),
            _ => None,
        })
        .unwrap_or(0)
}

/// Splits a coalesced receive buffer into its datagrams, without allocating: slices of
/// `segment_size` bytes, the last one possibly shorter. A `segment_size` of 0 (no `UDP_GRO`
/// item) or at least `buf.len()` gives `buf` as the one datagram — also when `buf` is empty,
/// since an empty datagram is a datagram.
///
/// ```
/// use sock::inet::gro_segments;
/// let buf = [1u8; 2500];
/// let lens: Vec<usize> = gro_segments(&buf, 1200).map(<[u8]>::len).collect();
/// assert_eq!(lens, [1200, 1200, 100]);
/// assert_eq!(gro_segments(&buf, 0).count(), 1);
/// assert_eq!(gro_segments(&[], 1200).count(), 1);
/// ```
pub fn gro_segments(buf: &[u8], segment_size: usize) -> GroSegments<'_> {
    let size = if segment_size == 0 { buf.len() } else { segment_size };
    GroSegments { rest: Some(buf), size }
}

/// The iterator of [`gro_segments`]: borrowed slices of the buffer, exact-size.
///
/// ```
/// let buf = [0u8; 250];
/// let mut it = sock::inet::gro_segments(&buf, 100);
/// assert_eq!(it.len(), 3);
/// assert_eq!(it.next().map(<[u8]>::len), Some(100));
/// ```
#[derive(Clone, Debug)]
pub struct GroSegments<'a> {
    /// What is left to split; `None` once the last datagram was returned.
    rest: Option<&'a [u8]>,
    /// The segment size (never 0 unless the buffer is empty).
    size: usize,
}

impl<'a> Iterator for GroSegments<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let rest = self.rest?;
        if rest.len() <= self.size {
            self.rest = None;
            return Some(rest);
        }
        let (head, tail) = rest.split_at(self.size);
        self.rest = Some(tail);
        Some(head)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self.rest {
            None => 0,
            Some(rest) if rest.len() <= self.size => 1,
            Some(rest) => rest.len().div_ceil(self.size),
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for GroSegments<'_> {}

impl FusedIterator for GroSegments<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn edges() {
        assert_eq!(gro_segments(&[], 0).collect::<Vec<_>>(), [&[] as &[u8]]);
        assert_eq!(gro_segments(&[7; 5], 5).collect::<Vec<_>>(), [&[7u8; 5] as &[u8]]);
        assert_eq!(gro_segments(&[7; 5], 9).len(), 1);
        assert_eq!(gro_segments(&[7; 6], 3).collect::<Vec<_>>(), [&[7u8; 3] as &[u8], &[7; 3]]);
        assert_eq!(gro_segments(&[7; 7], 3).map(<[u8]>::len).collect::<Vec<_>>(), [3, 3, 1]);
        assert_eq!(gro_segments(&[7; 7], 1).len(), 7);
        assert_eq!(checked_segment_size(65535).unwrap(), 65535);
        let e = checked_segment_size(70000).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("segment_size"));
    }

    proptest! {
        #[test]
        fn segments_cover_the_buffer(buf in proptest::collection::vec(any::<u8>(), 0..5000), size in 0usize..6000) {
            let it = gro_segments(&buf, size);
            let expected = it.len();
            let parts: Vec<&[u8]> = it.collect();
            prop_assert_eq!(parts.len(), expected);
            prop_assert!(!parts.is_empty());
            prop_assert_eq!(parts.concat(), buf.clone());
            let (last, full) = parts.split_last().unwrap();
            for part in full {
                prop_assert_eq!(part.len(), size);
            }
            prop_assert!(last.len() <= size.max(buf.len()));
            if size != 0 && !buf.is_empty() {
                prop_assert!(!last.is_empty());
                prop_assert_eq!(parts.len(), buf.len().div_ceil(size));
            } else {
                prop_assert_eq!(parts.len(), 1);
            }
        }
    }
}
