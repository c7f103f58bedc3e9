//! The text forms of [`TipcAddr`], [`TipcName`] and [`Scope`]. Numbers follow
//! [`sock_core::text::parse_num`]: decimal or `0x` hex, no sign.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::invalid_input;
use sock_core::text::{parse_num, split_fields};

use crate::addr::{Scope, TipcAddr, TipcName};

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Scope::ZONE => f.write_str("zone"),
            Scope::CLUSTER => f.write_str("cluster"),
            Scope::NODE => f.write_str("node"),
            Scope(n) => write!(f, "{}", n as u8),
        }
    }
}

impl FromStr for Scope {
    type Err = io::Error;

    /// Parses `zone`, `cluster`, `node` or the scope's byte (`0..=255`, decimal or `0x` hex).
    fn from_str(s: &str) -> io::Result<Scope> {
        match s {
            "zone" => Ok(Scope::ZONE),
            "cluster" => Ok(Scope::CLUSTER),
            "node" => Ok(Scope::NODE),
            _ => parse_num::<u8>(s, "scope").map(|b| Scope(b as i8)),
        }
    }
}

impl fmt::Display for TipcName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TipcName::ServiceRange { service, lower, upper } => write!(f, "{{{service},{lower},{upper}}}"),
            TipcName::Service { service, instance, node: 0 } => write!(f, "{{{service},{instance}}}"),
            TipcName::Service { service, instance, node } => write!(f, "{{{service},{instance}}}@{node}"),
            TipcName::Socket { node, port } => write!(f, "<{node}:{port}>"),
        }
    }
}

impl fmt::Display for TipcAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name)?;
        if self.scope != Scope::CLUSTER {
            write!(f, "/{}", self.scope)?;
        }
        Ok(())
    }
}

impl FromStr for TipcName {
    type Err = io::Error;

    /// Parses `{type,lower,upper}`, `{type,instance}`, `{type,instance}@node` or `<node:port>`.
    fn from_str(s: &str) -> io::Result<TipcName> {
        let bad = || invalid_input("address", "expected {type,lower,upper}, {type,instance}[@node] or <node:port>");
        if let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
            let [node, port] = split_fields(inner, ':', "address", "`<node:port>`")?;
            return Ok(TipcName::Socket { node: parse_num(node, "node")?, port: parse_num(port, "port")? });
        }
        let rest = s.strip_prefix('{').ok_or_else(bad)?;
        let (inner, tail) = rest.split_once('}').ok_or_else(bad)?;
        let mut parts = [""; 3];
        let count = inner.split(',').count();
        if count > 3 {
            return Err(bad());
        }
        for (slot, part) in parts.iter_mut().zip(inner.split(',')) {
            *slot = part;
        }
        match (&parts[..count], tail) {
            ([service, lower, upper], "") => Ok(TipcName::ServiceRange {
                service: parse_num(service, "type")?,
                lower: parse_num(lower, "lower")?,
                upper: parse_num(upper, "upper")?,
            }),
            ([service, instance], tail) => {
                let node = match tail {
                    "" => 0,
                    _ => parse_num(tail.strip_prefix('@').ok_or_else(bad)?, "node")?,
                };
                Ok(TipcName::Service {
                    service: parse_num(service, "type")?,
                    instance: parse_num(instance, "instance")?,
                    node,
                })
            }
            _ => Err(bad()),
        }
    }
}

impl FromStr for TipcAddr {
    type Err = io::Error;

    /// Parses the text form described on [`TipcAddr`].
    fn from_str(s: &str) -> io::Result<TipcAddr> {
        let (name, scope) = match s.rsplit_once('/') {
            Some((name, scope)) => (name, scope.parse()?),
            None => (s, Scope::CLUSTER),
        };
        Ok(TipcAddr { name: name.parse()?, scope })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms() {
        for (text, addr) in [
            ("{1,2,3}", TipcAddr::service_range(1, 2, 3)),
            ("{1,2}", TipcAddr::service(1, 2)),
            ("<5:6>/zone", TipcAddr::socket(5, 6).with_scope(Scope::ZONE)),
            ("{1,2}/255", TipcAddr::service(1, 2).with_scope(Scope(-1))),
            ("{1,2}/0", TipcAddr::service(1, 2).with_scope(Scope(0))),
        ] {
            assert_eq!(text.parse::<TipcAddr>().unwrap(), addr, "{text}");
            assert_eq!(addr.to_string(), text);
        }
        let mut with_node = TipcAddr::service(1, 2);
        with_node.name = TipcName::Service { service: 1, instance: 2, node: 9 };
        assert_eq!(with_node.to_string(), "{1,2}@9");
        assert_eq!("{1,2}@0x9".parse::<TipcAddr>().unwrap(), with_node);
        assert_eq!(
            "{0x10,2,3}/0x3".parse::<TipcAddr>().unwrap(),
            TipcAddr::service_range(16, 2, 3).with_scope(Scope::NODE)
        );
        assert_eq!("{1,2}/cluster".parse::<TipcAddr>().unwrap(), TipcAddr::service(1, 2));
        for bad in [
            "",
            "{}",
            "{1}",
            "{1,2,3,4}",
            "{1,2,3}@4",
            "<1>",
            "<1:2",
            "<1:2:3>",
            "{a,2}",
            "{1,2}/far",
            "{1,2}x",
            "<1:2>/",
            "{+1,2}",
            "{1,2}/-1",
            "{1,2}/256",
            "<1:4294967296>",
        ] {
            assert_eq!(bad.parse::<TipcAddr>().unwrap_err().kind(), io::ErrorKind::InvalidInput, "{bad:?}");
        }
        assert_eq!(
            "<1:4294967296>".parse::<TipcAddr>().unwrap_err().to_string(),
            "port: `4294967296` does not fit u32"
        );
    }
}
