//! Typed AF_ALG control messages: the operation ([`Op`]), the IV and the AEAD associated-data
//! length, as `ALG_SET_OP`, `ALG_SET_IV` and `ALG_SET_AEAD_ASSOCLEN` items of `sendmsg`.

use std::io;

use sock_core::cmsg::{cmsg_space, Cmsg, CmsgWriter, DecodeCmsg};
use sock_core::invalid_input;

use crate::consts::{ALG_OP_DECRYPT, ALG_OP_ENCRYPT, ALG_SET_AEAD_ASSOCLEN, ALG_SET_IV, ALG_SET_OP, SOL_ALG};

/// The operation of a cipher request (`ALG_OP_*`), sent as `ALG_SET_OP`.
///
/// ```
/// use sock::alg::Op;
/// assert_eq!(Op::ENCRYPT.raw(), 1);
/// assert_eq!(Op::from(sock::alg::consts::ALG_OP_DECRYPT), Op::DECRYPT);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Op(pub u32);

impl From<libc::c_int> for Op {
    /// CPython's `op=ALG_OP_ENCRYPT` (an `int` constant): the same four bytes the kernel reads.
    fn from(op: libc::c_int) -> Op {
        Op(u32::from_ne_bytes(op.to_ne_bytes()))
    }
}

impl Op {
    /// `ALG_OP_DECRYPT`.
    pub const DECRYPT: Op = Op(ALG_OP_DECRYPT as u32);
    /// `ALG_OP_ENCRYPT`.
    pub const ENCRYPT: Op = Op(ALG_OP_ENCRYPT as u32);

    /// The raw `u32` sent to the kernel.
    ///
    /// ```
    /// use sock::alg::{Op, ALG_OP_ENCRYPT};
    /// assert_eq!((Op::DECRYPT.raw(), Op::ENCRYPT.raw()), (0, 1));
    /// assert_eq!(Op::from(ALG_OP_ENCRYPT).raw(), ALG_OP_ENCRYPT as u32);
    /// ```
    pub const fn raw(self) -> u32 {
        self.0
    }
}

/// One AF_ALG control message, typed.
///
/// `write_to` encodes it with `cmsg_len = CMSG_LEN(data)` for every item, the IV included
/// (CPython writes `CMSG_SPACE` into the IV header's `cmsg_len`, which the kernel tolerates
/// but is not what `cmsg(3)` specifies). `cmsg.decode::<AlgCmsg>()` (sock-core's one
/// ancillary model, [`DecodeCmsg`]) reads one back.
///
/// ```
/// use sock::alg::{AlgCmsg, Op};
/// use sock::cmsg::{CmsgIter, CmsgWriter};
/// let mut buf = [0u8; 128];
/// let mut w = CmsgWriter::new(&mut buf);
/// AlgCmsg::Op(Op::ENCRYPT).write_to(&mut w)?;
/// AlgCmsg::Iv(&[7; 12]).write_to(&mut w)?;
/// let len = w.len();
/// let items: Vec<AlgCmsg> = CmsgIter::new(&buf[..len]).filter_map(|c| c.decode()).collect();
/// assert_eq!(items, [AlgCmsg::Op(Op::ENCRYPT), AlgCmsg::Iv(&[7; 12])]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlgCmsg<'a> {
    /// `ALG_SET_OP`: encrypt or decrypt.
    Op(Op),
    /// `ALG_SET_IV`: the IV (`struct af_alg_iv { u32 ivlen; u8 iv[ivlen]; }`).
    Iv(&'a [u8]),
    /// `ALG_SET_AEAD_ASSOCLEN`: how many leading bytes of the data are associated data.
    AssocLen(u32),
}

/// Longest IV encoded without a heap allocation (kernel IVs are at most 32 bytes today).
const STACK_IV: usize = 64;

impl<'a> AlgCmsg<'a> {
    /// Bytes of data after the header.
    fn data_len(&self) -> usize {
        match self {
            AlgCmsg::Op(_) | AlgCmsg::AssocLen(_) => 4,
            AlgCmsg::Iv(iv) => 4 + iv.len(),
        }
    }

    /// The control-buffer space this item takes (`CMSG_SPACE`).
    ///
    /// ```
    /// use sock::alg::{AlgCmsg, Op};
    /// assert_eq!(AlgCmsg::Op(Op::ENCRYPT).space()?, sock::cmsg_space(4)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn space(&self) -> io::Result<usize> {
        cmsg_space(self.data_len()).map_err(|_| invalid_input("iv", "too long"))
    }

    /// Appends this item to `w`; a buffer without room for it is an error and `w` is unchanged.
    ///
    /// ```
    /// use sock::alg::{AlgCmsg, ALG_SET_AEAD_ASSOCLEN, SOL_ALG};
    /// use sock::cmsg::{cmsg_space, CmsgIter, CmsgWriter};
    /// let mut buf = vec![0u8; cmsg_space(4)?];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// AlgCmsg::AssocLen(6).write_to(&mut w)?;
    /// let item = CmsgIter::new(w.as_bytes()).next().unwrap();
    /// assert_eq!((item.level, item.ty, item.data), (SOL_ALG, ALG_SET_AEAD_ASSOCLEN, &6u32.to_ne_bytes()[..]));
    /// assert!(AlgCmsg::AssocLen(7).write_to(&mut w).is_err()); // no room left
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_to(&self, w: &mut CmsgWriter<'_>) -> io::Result<()> {
        match *self {
            AlgCmsg::Op(op) => w.push(SOL_ALG, ALG_SET_OP, &op.0.to_ne_bytes()),
            AlgCmsg::AssocLen(n) => w.push(SOL_ALG, ALG_SET_AEAD_ASSOCLEN, &n.to_ne_bytes()),
            AlgCmsg::Iv(iv) => {
                let ivlen = u32::try_from(iv.len()).map_err(|_| invalid_input("iv", "too long"))?;
                let mut stack = [0u8; 4 + STACK_IV];
                let mut heap = Vec::new();
                let data = if iv.len() <= STACK_IV {
                    &mut stack[..4 + iv.len()]
                } else {
                    heap.resize(4 + iv.len(), 0);
                    &mut heap[..]
                };
                data[..4].copy_from_slice(&ivlen.to_ne_bytes());
                data[4..].copy_from_slice(iv);
                w.push(SOL_ALG, ALG_SET_IV, data)
            }
        }
    }

    /// `cmsg.decode::<AlgCmsg>()` under its former name: an AF_ALG item; `None` for other
    /// levels or types, or for data too short for its type.
    ///
    /// ```
    /// use sock::cmsg::Cmsg;
    /// use sock::alg::{AlgCmsg, ALG_SET_AEAD_ASSOCLEN, SOL_ALG};
    /// let item = Cmsg { level: SOL_ALG, ty: ALG_SET_AEAD_ASSOCLEN, data: &16u32.to_ne_bytes(), truncated: false };
    /// assert_eq!(AlgCmsg::parse(&item), Some(AlgCmsg::AssocLen(16)));
    /// ```
    pub fn parse(cmsg: &Cmsg<'a>) -> Option<AlgCmsg<'a>> {
        cmsg.decode()
    }
}

/// The family's decoder in sock-core's one ancillary model: `cmsg.decode::<AlgCmsg>()`.
impl<'a> DecodeCmsg<'a> for AlgCmsg<'a> {
    /// An AF_ALG item; `None` for other levels or types, or for data too short for its type
    /// (an IV whose `ivlen` runs past the data).
    fn decode_cmsg(cmsg: &Cmsg<'a>) -> Option<AlgCmsg<'a>> {
        if cmsg.level != SOL_ALG {
            return None;
        }
        let word = |data: &[u8]| data.get(..4).map(|w| u32::from_ne_bytes([w[0], w[1], w[2], w[3]]));
        match cmsg.ty {
            ALG_SET_OP => word(cmsg.data).map(|v| AlgCmsg::Op(Op(v))),
            ALG_SET_AEAD_ASSOCLEN => word(cmsg.data).map(AlgCmsg::AssocLen),
            ALG_SET_IV => {
                let len = usize::try_from(word(cmsg.data)?).ok()?;
                cmsg.data.get(4..4usize.checked_add(len)?).map(AlgCmsg::Iv)
            }
            _ => None,
        }
    }
}

/// Encodes `items` into a zeroed control buffer and passes it to `f`: on the stack when it is
/// small (the usual case: op, an IV of up to 64 bytes, assoclen), on the heap otherwise.
pub(crate) fn with_control<T>(items: &[AlgCmsg<'_>], f: impl FnOnce(&[u8]) -> io::Result<T>) -> io::Result<T> {
    let mut need = 0usize;
    for item in items {
        need = need.checked_add(item.space()?).ok_or_else(|| invalid_input("iv", "too long"))?;
    }
    let mut stack = [0u8; 256];
    let mut heap = Vec::new();
    let buf = if need <= stack.len() {
        &mut stack[..need]
    } else {
        heap.try_reserve_exact(need).map_err(|_| invalid_input("iv", "too long"))?;
        heap.resize(need, 0);
        &mut heap[..]
    };
    let mut w = CmsgWriter::new(buf);
    for item in items {
        item.write_to(&mut w)?;
    }
    let len = w.len();
    f(&buf[..len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sock_core::cmsg::{cmsg_len, CmsgIter};

    #[test]
    fn iv_header_uses_cmsg_len() {
        let iv = [1u8; 12];
        with_control(&[AlgCmsg::Iv(&iv)], |buf| {
            let clen = usize::from_ne_bytes(buf[..8].try_into().unwrap());
            assert_eq!(clen, cmsg_len(16).unwrap());
            assert_eq!(buf.len(), cmsg_space(16).unwrap());
            Ok(())
        })
        .unwrap();
    }

    #[test]
    fn short_or_foreign_items_are_not_parsed() {
        let short = Cmsg { level: SOL_ALG, ty: ALG_SET_IV, data: &[8, 0, 0, 0, 1], truncated: false };
        assert_eq!(AlgCmsg::parse(&short), None);
        let other = Cmsg { level: 1, ty: ALG_SET_OP, data: &[1, 0, 0, 0], truncated: false };
        assert_eq!(AlgCmsg::parse(&other), None);
    }

    #[test]
    fn long_iv_goes_to_the_heap() {
        let iv = vec![3u8; 1000];
        let n = with_control(&[AlgCmsg::Op(Op::DECRYPT), AlgCmsg::Iv(&iv)], |buf| {
            let items: Vec<_> = CmsgIter::new(buf).filter_map(|c| c.decode::<AlgCmsg>()).collect();
            assert_eq!(items, [AlgCmsg::Op(Op::DECRYPT), AlgCmsg::Iv(&iv)]);
            Ok(buf.len())
        })
        .unwrap();
        assert_eq!(n, cmsg_space(4).unwrap() + cmsg_space(1004).unwrap());
    }

    proptest! {
        #[test]
        fn items_round_trip(op in any::<u32>(), iv in proptest::collection::vec(any::<u8>(), 0..100), assoc in any::<u32>()) {
            let items = [AlgCmsg::Op(Op(op)), AlgCmsg::Iv(&iv), AlgCmsg::AssocLen(assoc)];
            with_control(&items, |buf| {
                let parsed: Vec<_> = CmsgIter::new(buf).filter_map(|c| c.decode::<AlgCmsg>()).collect();
                assert_eq!(parsed, items);
                Ok(())
            }).unwrap();
        }

        #[test]
        fn any_item_data_parses_without_panic(ty in 0i32..8, data in proptest::collection::vec(any::<u8>(), 0..40)) {
            let c = Cmsg { level: SOL_ALG, ty, data: &data, truncated: false };
            if let Some(AlgCmsg::Iv(iv)) = AlgCmsg::parse(&c) {
                prop_assert!(iv.len() + 4 <= data.len());
            }
        }
    }
}
