//! candump's text forms of a frame, byte for byte (can-utils' `lib.c`): the long form of its
//! default output (`123   [4]  DE AD BE EF`), the compact form of its log format
//! (`123#DEADBEEF`), and a parser for lines in any of them (cansend syntax, `candump -L`
//! lines, default candump lines).

use std::fmt::Write;
use std::io;

use sock::can::consts::{CAN_EFF_FLAG, CAN_EFF_MASK, CAN_ERR_FLAG, CAN_ERR_MASK, CAN_RTR_FLAG, CAN_SFF_MASK};
use sock::can::{CanId, ClassicFrame, FdFrame, Frame};

use crate::invalid;

/// The parts of a frame that the text forms show.
pub(crate) struct View<'a> {
    /// The raw `can_id` (with the EFF/RTR/ERR flags).
    pub can_id: u32,
    /// The data (for a remote request: empty).
    pub data: &'a [u8],
    /// The length field (for a remote request: the requested length).
    pub len: usize,
    /// A CAN FD frame (candump's `maxdlen == 64`).
    pub fd: bool,
    /// The CAN FD flags byte.
    pub flags: u8,
}

impl<'a> View<'a> {
    /// The view of a classic, FD or error frame; `None` for CAN XL frames (not shown).
    pub(crate) fn of(frame: &'a Frame) -> Option<View<'a>> {
        match frame {
            Frame::Classic(f) => Some(classic(f)),
            Frame::Error(e) => Some(classic(e.as_classic())),
            Frame::Fd(f) => Some(View { can_id: f.raw_id(), data: f.data(), len: f.len(), fd: true, flags: f.flags() }),
            _ => None,
        }
    }
}

fn classic(f: &ClassicFrame) -> View<'_> {
    View { can_id: f.raw_id(), data: f.data(), len: f.len(), fd: false, flags: 0 }
}

/// The id column: 8 hex digits for error and extended frames, 3 for standard ones.
fn id(out: &mut String, can_id: u32) {
    let _ = if can_id & CAN_ERR_FLAG != 0 {
        write!(out, "{:08X}", can_id & (CAN_ERR_MASK | CAN_ERR_FLAG))
    } else if can_id & CAN_EFF_FLAG != 0 {
        write!(out, "{:08X}", can_id & CAN_EFF_MASK)
    } else {
        write!(out, "{:03X}", can_id & CAN_SFF_MASK)
    };
}

/// candump's default (long) form: `123   [4]  DE AD BE EF`, `12345678   [0]  remote request`,
/// `123  [12]  00 11 ...` for CAN FD. With `indent_sff` (candump's view once it has seen an
/// extended frame) standard ids are right-aligned under extended ones: `     123   [4]  ...`.
pub(crate) fn long(v: &View<'_>, indent_sff: bool) -> String {
    let mut out = String::with_capacity(64);
    if indent_sff && v.can_id & (CAN_EFF_FLAG | CAN_ERR_FLAG) == 0 {
        out.push_str("     ");
    }
    id(&mut out, v.can_id);
    out.push_str("  ");
    let maxdlen = if v.fd { 64 } else { 8 };
    let len = v.len.min(maxdlen);
    if !v.fd {
        let _ = write!(out, " [{len}] ");
        if v.can_id & CAN_RTR_FLAG != 0 {
            out.push_str(" remote request");
            return out;
        }
    } else {
        let _ = write!(out, "[{len:02}] ");
    }
    for b in &v.data[..len.min(v.data.len())] {
        let _ = write!(out, " {b:02X}");
    }
    if len <= 8 && v.can_id & CAN_ERR_FLAG != 0 {
        let _ = write!(out, "{:>width$}", "ERRORFRAME", width = 3 * (8 - len) + 13);
    }
    out
}

/// candump's compact (log) form: `123#DEADBEEF`, `123#R`, `123#R4`, `123##1AABB`.
pub(crate) fn compact(v: &View<'_>) -> String {
    let mut out = String::with_capacity(32);
    id(&mut out, v.can_id);
    out.push('#');
    if !v.fd && v.can_id & CAN_RTR_FLAG != 0 {
        out.push('R');
        if v.len > 0 && v.len <= 8 {
            let _ = write!(out, "{}", v.len);
        }
        return out;
    }
    if v.fd {
        let _ = write!(out, "#{:X}", v.flags & 0xF);
    }
    let len = v.len.min(if v.fd { 64 } else { 8 });
    for b in &v.data[..len.min(v.data.len())] {
        let _ = write!(out, "{b:02X}");
    }
    out
}

/// Pads a CAN FD payload with zeros to the next length a CAN FD frame can have (as cansend
/// does: `123##1AABBCC` is a 3-byte frame, `123##1` followed by 10 bytes a 12-byte one).
pub(crate) fn normalize(frame: Frame) -> io::Result<Frame> {
    const FD_LENS: [usize; 15] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48];
    match frame {
        Frame::Fd(f) if !FD_LENS.contains(&f.len()) && f.len() != 64 => {
            let len = FD_LENS.into_iter().find(|&l| l >= f.len()).unwrap_or(64);
            let mut data = f.data().to_vec();
            data.resize(len, 0);
            FdFrame::from_raw_parts(f.raw_id(), f.flags(), &data).map(Frame::Fd)
        }
        other => Ok(other),
    }
}

/// The frame of one input line, or `None` for an empty line or a `#` comment. Accepted:
/// cansend syntax (`123#DEADBEEF`, `123#R`, `123##1AABB`, `12345678#00`), a `candump -L` line
/// (`(1700000000.000000) vcan0 123#DEADBEEF`: the last word counts) and a default candump
/// line (`vcan0  123   [4]  DE AD BE EF`, `123  [12]  ...` for CAN FD).
pub(crate) fn parse_line(line: &str) -> io::Result<Option<Frame>> {
    let line = line.trim();
    if line.is_empty() || line.starts_with("# ") || line == "#" {
        return Ok(None);
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if let Some(pos) = words.iter().position(|w| w.starts_with('[') && w.ends_with(']')) {
        return parse_long(line, &words, pos).map(Some);
    }
    let last = words.last().copied().unwrap_or(line);
    last.parse::<Frame>().and_then(normalize).map(Some).map_err(|e| invalid(format!("frame {last:?}"), e))
}

/// A default candump line whose `[len]` word is `words[pos]`.
fn parse_long(line: &str, words: &[&str], pos: usize) -> io::Result<Frame> {
    let bad = |why: &str| invalid(format!("frame {line:?}"), why);
    let id_text = pos.checked_sub(1).map(|i| words[i]).ok_or_else(|| bad("no id before [len]"))?;
    let raw = u32::from_str_radix(id_text, 16).map_err(|_| bad("bad id"))?;
    let id = match id_text.len() {
        3 => CanId::standard(raw)?,
        8 => CanId::extended(raw)?,
        _ => return Err(bad("a CAN id is 3 or 8 hex digits")),
    };
    let len_text = &words[pos][1..words[pos].len() - 1];
    let len: u8 = len_text.parse().map_err(|_| bad("bad [len]"))?;
    let rest = &words[pos + 1..];
    if rest.first() == Some(&"remote") {
        return Ok(Frame::Classic(ClassicFrame::remote(id, usize::from(len))?));
    }
    let data: Vec<u8> = rest
        .iter()
        .take(usize::from(len))
        .map(|b| u8::from_str_radix(b, 16).map_err(|_| bad("bad data byte")))
        .collect::<io::Result<_>>()?;
    if data.len() != usize::from(len) {
        return Err(bad("fewer data bytes than [len] says"));
    }
    if len_text.len() == 2 {
        Ok(Frame::Fd(FdFrame::new(id, &data)?))
    } else {
        Ok(Frame::Classic(ClassicFrame::new(id, &data)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (String, String) {
        let f: Frame = text.parse().unwrap();
        let v = View::of(&f).unwrap();
        (long(&v, false), compact(&v))
    }

    #[test]
    fn candump_forms() {
        assert_eq!(both("123#DEADBEEF"), ("123   [4]  DE AD BE EF".into(), "123#DEADBEEF".into()));
        assert_eq!(both("12345678#"), ("12345678   [0] ".into(), "12345678#".into()));
        assert_eq!(both("123#R"), ("123   [0]  remote request".into(), "123#R".into()));
        assert_eq!(both("1ABCDEF0#R3"), ("1ABCDEF0   [3]  remote request".into(), "1ABCDEF0#R3".into()));
        let (l, c) = both("123##1112233");
        assert_eq!(l, "123  [03]  11 22 33");
        let f: Frame = "123#01".parse().unwrap();
        assert_eq!(long(&View::of(&f).unwrap(), true), "     123   [1]  01");
        assert!(c.starts_with("123##") && c.ends_with("112233"), "{c}");
        let err =
            Frame::from_bytes(ClassicFrame::from_raw_parts(CAN_ERR_FLAG | 4, &[0; 8]).unwrap().as_bytes()).unwrap();
        assert_eq!(long(&View::of(&err).unwrap(), true), "20000004   [8]  00 00 00 00 00 00 00 00   ERRORFRAME");
    }

    #[test]
    fn lines_parse_back() {
        let padded = parse_line("123##1AABBCCDDEEFF00112233").unwrap().unwrap();
        assert_eq!(padded.data(), [0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0, 0x11, 0x22, 0x33, 0, 0]);
        for text in ["123#DEADBEEF", "12345678#R2", "123##1AABBCCDDEEFF001122334455", "7FF#"] {
            let f: Frame = text.parse().unwrap();
            let v = View::of(&f).unwrap();
            let long_line = format!("  vcan0  {}", long(&v, true));
            let log_line = format!("(1700000000.000000) vcan0 {}", compact(&v));
            for line in [text.to_string(), long_line, log_line] {
                let back = parse_line(&line).unwrap().unwrap();
                assert_eq!(back.id(), f.id(), "{line}");
                assert_eq!(back.data(), f.data(), "{line}");
            }
        }
        assert!(parse_line("  ").unwrap().is_none());
        for bad in ["12#zz", "vcan0  123   [4]  DE AD", "123#DEADBEEF00112233445566"] {
            assert_eq!(parse_line(bad).unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad}");
        }
    }
}
