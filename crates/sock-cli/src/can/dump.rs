//! `sock can dump IFACE[,FILTER]...`: candump, with its filter syntax and its default and log
//! (`-L`) output byte for byte.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::time::{Duration, SystemTime};

use clap::Args;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use sock::can::consts::{CAN_EFF_FLAG, CAN_ERR_FLAG, CAN_INV_FILTER, CAN_RTR_FLAG};
use sock::can::{interface_from_index, CanFilter, CanSocket};

use super::text::{compact, long, View};
use crate::time::{date_time, epoch};
use crate::{context, invalid, json, Io};

pub(crate) const EXAMPLES: &str = "\
Filters (candump's), comma-separated after the interface name; ids and masks in hex:
  ID:MASK     matches when received_id & MASK == ID & MASK (8 hex digits of ID: extended)
  ID~MASK     matches when received_id & MASK != ID & MASK (also written ~ID:MASK)
  #ERRMASK    receive error frames of these classes
  j           join the filters (logical AND)
Use the interface name 'any' for every CAN interface.

Output: candump's default lines ('  vcan0  123   [4]  DE AD BE EF'), or with -L its log
format ('(1700000000.123456) vcan0 123#DEADBEEF'), or with --json one object per line.

Examples:
  sock can dump vcan0
  sock can dump vcan0,123:7FF,400:700 -n 10 -t a
  sock can dump any,0~0,#FFFFFFFF -L
  sock can dump vcan0 --json";

/// Arguments of `sock can dump`.
#[derive(Args, Debug)]
pub(crate) struct DumpArgs {
    /// IFACE[,FILTER]... (see below); several interfaces may be given.
    #[arg(required = true)]
    ifaces: Vec<String>,
    /// Exit after COUNT frames.
    #[arg(short = 'n', long = "count", value_name = "COUNT")]
    count: Option<u64>,
    /// Timestamps: a (absolute), d (delta), z (from zero), A (absolute with date, UTC).
    #[arg(short = 't', value_name = "TYPE", value_parser = ["a", "d", "z", "A"])]
    timestamp: Option<String>,
    /// Log file format on stdout: `(seconds.micros) iface id#data`.
    #[arg(short = 'L')]
    log: bool,
    /// Exit after MSECS without a frame.
    #[arg(short = 'T', value_name = "MSECS")]
    idle: Option<u64>,
    /// One JSON object per frame and line.
    #[arg(long, conflicts_with = "log")]
    json: bool,
}

/// The filters, error mask and join flag of one interface argument.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct FilterSet {
    /// `None`: no `ID:MASK`/`ID~MASK` given, the kernel's default (every data frame).
    pub filters: Option<Vec<CanFilter>>,
    /// `#ERRMASK`.
    pub err_mask: u32,
    /// `j`.
    pub join: bool,
}

fn hex(text: &str, what: &str) -> io::Result<u32> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
    u32::from_str_radix(digits, 16).map_err(|_| invalid(what, format!("bad hex number {text:?}")))
}

/// Splits `IFACE[,FILTER]...` as candump does.
pub(crate) fn parse_spec(spec: &str) -> io::Result<(String, FilterSet)> {
    let mut parts = spec.split(',');
    let iface = parts.next().unwrap_or_default().to_string();
    if iface.is_empty() {
        return Err(invalid(spec, "missing interface name"));
    }
    let mut set = FilterSet::default();
    let mut filters = Vec::new();
    for part in parts {
        let what = format!("filter {part:?}");
        if let Some((id, mask)) = part.strip_prefix('~').and_then(|p| p.split_once(':')) {
            // `~ID:MASK`, another spelling of candump's `ID~MASK`.
            let mut f = CanFilter::new(hex(id, &what)? | CAN_INV_FILTER, hex(mask, &what)? & !CAN_ERR_FLAG);
            if id.len() == 8 {
                f.can_id |= CAN_EFF_FLAG;
            }
            filters.push(f);
        } else if let Some((id, mask)) = part.split_once(':') {
            let mut f = CanFilter::new(hex(id, &what)?, hex(mask, &what)? & !CAN_ERR_FLAG);
            if id.len() == 8 {
                f.can_id |= CAN_EFF_FLAG;
            }
            filters.push(f);
        } else if let Some((id, mask)) = part.split_once('~') {
            let mut f = CanFilter::new(hex(id, &what)? | CAN_INV_FILTER, hex(mask, &what)? & !CAN_ERR_FLAG);
            if id.len() == 8 {
                f.can_id |= CAN_EFF_FLAG;
            }
            filters.push(f);
        } else if part.starts_with(['j', 'J']) {
            set.join = true;
        } else if let Some(mask) = part.strip_prefix('#') {
            set.err_mask = hex(mask, &what)?;
        } else {
            return Err(invalid(what, "expected ID:MASK, ID~MASK, #ERRMASK or j"));
        }
    }
    if !filters.is_empty() {
        set.filters = Some(filters);
    }
    Ok((iface, set))
}

struct Bus {
    sock: CanSocket,
    /// The name to print; `None` for `any` (the frame's interface is looked up).
    name: Option<String>,
}

fn open(spec: &str) -> io::Result<Bus> {
    let (iface, set) = parse_spec(spec)?;
    let on = |e| context(format!("can:{iface}"), e);
    let sock = CanSocket::new().map_err(on)?;
    sock.set_fd_frames(true).map_err(on)?;
    if set.err_mask != 0 {
        sock.set_error_mask(set.err_mask).map_err(on)?;
    }
    if set.join {
        sock.set_join_filters(true).map_err(on)?;
    }
    if let Some(filters) = &set.filters {
        sock.set_filters(filters).map_err(on)?;
    }
    sock.set_timestamp(true).map_err(on)?;
    let any = iface == "any";
    sock.bind((if any { "" } else { iface.as_str() },)).map_err(on)?;
    Ok(Bus { sock, name: (!any).then_some(iface) })
}

/// The timestamp column of `-t`.
struct Stamper {
    kind: Option<char>,
    last: Option<SystemTime>,
}

impl Stamper {
    fn column(&mut self, t: SystemTime) -> String {
        let Some(kind) = self.kind else { return String::new() };
        let (secs, micros) = epoch(t);
        match kind {
            'a' => format!("({secs:010}.{micros:06}) "),
            'A' => format!("({}.{micros:06}) ", date_time(secs)),
            _ => {
                let base = *self.last.get_or_insert(t);
                let diff = t.duration_since(base).unwrap_or(Duration::ZERO);
                if kind == 'd' {
                    self.last = Some(t);
                }
                format!("({:03}.{:06}) ", diff.as_secs(), diff.subsec_micros())
            }
        }
    }
}

fn json_line(v: &View<'_>, iface: &str, t: SystemTime) -> String {
    let (secs, micros) = epoch(t);
    let data: String = v.data.iter().map(|b| format!("{b:02X}")).collect();
    let id = if v.can_id & (CAN_EFF_FLAG | CAN_ERR_FLAG) != 0 {
        format!("{:08X}", v.can_id & 0x1fff_ffff)
    } else {
        format!("{:03X}", v.can_id & 0x7ff)
    };
    json::object(&[
        ("time", format!("{secs}.{micros:06}")),
        ("iface", json::string(iface)),
        ("id", json::string(&id)),
        ("extended", (v.can_id & CAN_EFF_FLAG != 0).to_string()),
        ("remote", (v.can_id & CAN_RTR_FLAG != 0).to_string()),
        ("error", (v.can_id & CAN_ERR_FLAG != 0).to_string()),
        ("fd", v.fd.to_string()),
        ("flags", v.flags.to_string()),
        ("len", v.len.to_string()),
        ("data", json::string(&data)),
    ])
}

/// Runs the dump until COUNT frames, `-T` idle time, or an error.
pub(crate) fn run(args: DumpArgs, io: &mut Io) -> io::Result<()> {
    let buses: Vec<Bus> = args.ifaces.iter().map(|s| open(s)).collect::<io::Result<_>>()?;
    let mut width = buses.iter().map(|b| b.name.as_deref().unwrap_or("any").len()).max().unwrap_or(0);
    io.notify("bound can dump");
    let mut stamper = Stamper { kind: args.timestamp.as_deref().and_then(|t| t.chars().next()), last: None };
    let idle = match args.idle {
        Some(ms) => PollTimeout::try_from(ms.min(i32::MAX as u64) as i32).unwrap_or(PollTimeout::MAX),
        None => PollTimeout::NONE,
    };
    let mut seen = 0u64;
    // candump indents standard ids once it has seen an extended frame.
    let mut indent_sff = false;
    while args.count.is_none_or(|c| seen < c) {
        let ready: Vec<bool> = {
            let mut fds: Vec<PollFd<'_>> =
                buses.iter().map(|b| PollFd::new(b.sock.as_fd(), PollFlags::POLLIN)).collect();
            match poll(&mut fds, idle) {
                Ok(0) => return Ok(()),
                Ok(_) => fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect(),
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(context("poll", io::Error::from(e))),
            }
        };
        for (bus, _) in buses.iter().zip(ready).filter(|(_, r)| *r) {
            let (frame, meta) = bus.sock.read_frame_meta().map_err(|e| context("can dump: read", e))?;
            let name = match &bus.name {
                Some(n) => n.clone(),
                None => interface_from_index(meta.ifindex).to_string(),
            };
            width = width.max(name.len());
            let t = meta.timestamp.unwrap_or_else(SystemTime::now);
            let Some(v) = View::of(&frame) else { continue };
            indent_sff |= v.can_id & CAN_EFF_FLAG != 0;
            let line = if args.json {
                json_line(&v, &name, t)
            } else if args.log {
                let (secs, micros) = epoch(t);
                format!("({secs:010}.{micros:06}) {name:>width$} {}", compact(&v))
            } else {
                format!(" {} {name:>width$}  {}", stamper.column(t), long(&v, indent_sff))
            };
            writeln!(io.stdout, "{line}")?;
            io.stdout.flush()?;
            seen += 1;
            if args.count.is_some_and(|c| seen >= c) {
                break;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candump_filter_syntax() {
        let (iface, set) = parse_spec("vcan0,123:7FF,12345678:1FFFFFFF,400~700,#FF,j").unwrap();
        assert_eq!(iface, "vcan0");
        let f = set.filters.unwrap();
        assert_eq!(f[0], CanFilter::new(0x123, 0x7ff));
        assert_eq!(f[1], CanFilter::new(0x1234_5678 | CAN_EFF_FLAG, 0x1fff_ffff));
        assert_eq!(f[2], CanFilter::new(0x400 | CAN_INV_FILTER, 0x700));
        assert_eq!((set.err_mask, set.join), (0xff, true));
        assert_eq!(parse_spec("vcan0,~400:700").unwrap().1.filters.unwrap(), [f[2]]);
        assert_eq!(parse_spec("vcan0").unwrap().1, FilterSet::default());
        for bad in ["vcan0,12x:7FF", "vcan0,zz", ",123:7FF"] {
            assert_eq!(parse_spec(bad).unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad}");
        }
    }

    #[test]
    fn timestamps() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_micros(1_700_000_000_123_456);
        let mut a = Stamper { kind: Some('a'), last: None };
        assert_eq!(a.column(t0), "(1700000000.123456) ");
        let mut d = Stamper { kind: Some('d'), last: None };
        assert_eq!(d.column(t0), "(000.000000) ");
        assert_eq!(d.column(t0 + Duration::from_micros(1_500_000)), "(001.500000) ");
        let mut none = Stamper { kind: None, last: None };
        assert_eq!(none.column(t0), "");
    }
}
