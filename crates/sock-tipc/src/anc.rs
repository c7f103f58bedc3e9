//! [`TipcAncillary`]: the ancillary data TIPC attaches to received messages (level `SOL_TIPC`).

use sock_core::cmsg::Cmsg;

use crate::consts::*;

/// One `SOL_TIPC` ancillary item, decoded from a [`Cmsg`] of `recv_msg`.
///
/// ```
/// # use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::tipc::{TipcAncillary, SOL_TIPC, TIPC_DESTNAME};
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push_value(SOL_TIPC, TIPC_DESTNAME, &[2000u32, 205, 205])?;
/// let n = w.len();
/// let item = CmsgIter::new(&buf[..n]).next().unwrap();
/// assert_eq!(TipcAncillary::decode(&item), Some(TipcAncillary::DestName { service: 2000, lower: 205, upper: 205 }));
/// assert_eq!(item.decode::<TipcAncillary>(), TipcAncillary::decode(&item));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TipcAncillary<'a> {
    /// `TIPC_ERRINFO`: the message is one of ours, returned: why (`TIPC_ERR_NO_NAME`,
    /// `TIPC_ERR_NO_PORT`, `TIPC_ERR_NO_NODE`, `TIPC_ERR_OVERLOAD`, `TIPC_CONN_SHUTDOWN`) and
    /// how many bytes of it come back in [`TipcAncillary::ReturnedData`].
    ErrInfo {
        /// The `TIPC_ERR_*` code.
        error: u32,
        /// The length of the returned data.
        data_len: u32,
    },
    /// `TIPC_RETDATA`: the data of a returned message.
    ReturnedData(&'a [u8]),
    /// `TIPC_DESTNAME`: the service name (or range, for a multicast) the message was sent to.
    DestName {
        /// The service type.
        service: u32,
        /// The first instance.
        lower: u32,
        /// The last instance.
        upper: u32,
    },
}

impl<'a> TipcAncillary<'a> {
    /// Decodes `cmsg` if it is a complete `SOL_TIPC` item of a known type; the same as
    /// `cmsg.decode::<TipcAncillary>()` ([`DecodeCmsg`](sock_core::cmsg::DecodeCmsg)). See
    /// the example on [`TipcAncillary`].
    ///
    /// ```
    /// use sock::cmsg::{CmsgIter, CmsgWriter};
    /// use sock::tipc::{TipcAncillary, SOL_TIPC, TIPC_ERRINFO, TIPC_ERR_NO_NAME};
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push_value(SOL_TIPC, TIPC_ERRINFO, &[TIPC_ERR_NO_NAME, 5u32])?;
    /// let n = w.len();
    /// let item = CmsgIter::new(&buf[..n]).next().unwrap();
    /// assert_eq!(TipcAncillary::decode(&item), Some(TipcAncillary::ErrInfo { error: TIPC_ERR_NO_NAME, data_len: 5 }));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode(cmsg: &Cmsg<'a>) -> Option<TipcAncillary<'a>> {
        if cmsg.level != SOL_TIPC || cmsg.truncated {
            return None;
        }
        match cmsg.ty {
            TIPC_ERRINFO => {
                let [error, data_len] = cmsg.value::<[u32; 2]>()?;
                Some(TipcAncillary::ErrInfo { error, data_len })
            }
            TIPC_RETDATA => Some(TipcAncillary::ReturnedData(cmsg.data)),
            TIPC_DESTNAME => {
                let [service, lower, upper] = cmsg.value::<[u32; 3]>()?;
                Some(TipcAncillary::DestName { service, lower, upper })
            }
            _ => None,
        }
    }
}

/// The family's decoder in the one ancillary-data model: `cmsg.decode::<TipcAncillary>()`.
impl<'a> sock_core::cmsg::DecodeCmsg<'a> for TipcAncillary<'a> {
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<TipcAncillary<'a>> {
        TipcAncillary::decode(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sock_core::cmsg::CmsgIter;

    proptest! {
        #[test]
        fn any_control_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..=96)) {
            for c in CmsgIter::new(&bytes) {
                let _ = TipcAncillary::decode(&c);
            }
        }
    }

    #[test]
    fn short_items_do_not_decode() {
        let c = Cmsg { level: SOL_TIPC, ty: TIPC_DESTNAME, data: &[0; 8], truncated: false };
        assert_eq!(TipcAncillary::decode(&c), None);
        let c = Cmsg { level: SOL_TIPC, ty: TIPC_RETDATA, data: b"abc", truncated: false };
        assert_eq!(TipcAncillary::decode(&c), Some(TipcAncillary::ReturnedData(b"abc")));
    }
}
