//! `~/.config/schouw/config.toml` for the commands that need it: the interface options of
//! `schouw open` and `schouw demo` (banner, idle lock, theme, keys) and the banner of
//! `schouw export`. A bad file stops the command with `file:line:column`, what is wrong and
//! what was expected. `--theme` on the command line wins over the file.

use std::time::Duration;

use crate::cli::{LangArg, ThemeArg, ViewArgs};
use crate::hygiene::config::{Config, ConfigError};
use crate::tui::keys::KeyTable;
use crate::tui::{Lang, ThemeName, TuiOptions};

/// Reads the configuration file (none means the defaults).
pub fn load() -> anyhow::Result<Config> {
    Config::load().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The interface options: the configuration, with the command line's choices over it.
pub fn tui_options(config: &Config, view: &ViewArgs) -> Result<TuiOptions, ConfigError> {
    let theme = match (view.theme, &config.theme) {
        (Some(t), _) => Some(match t {
            ThemeArg::Color => ThemeName::Color,
            ThemeArg::Mono => ThemeName::Mono,
            ThemeArg::Ascii => ThemeName::Ascii,
        }),
        (None, Some(name)) => Some(ThemeName::parse(name).ok_or_else(|| {
            config.error_at(
                "theme",
                true,
                format!("there is no theme `{name}`"),
                Some("expected \"color\", \"mono\" or \"ascii\"".into()),
            )
        })?),
        (None, None) => None,
    };
    let remaps: Vec<_> = config
        .keys
        .iter()
        .map(|(action, key)| (action.clone(), key.clone()))
        .collect();
    let keys = KeyTable::remapped(&remaps).map_err(|e| {
        config.error_at(
            &format!("keys.{}", e.action),
            e.at_key,
            e.message,
            Some(e.hint),
        )
    })?;
    Ok(TuiOptions {
        theme,
        lang: match view.lang {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        },
        banner: config.banner.clone(),
        idle_lock: Duration::from_secs(60 * u64::from(config.idle_lock_minutes)),
        keys,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(theme: Option<ThemeArg>) -> ViewArgs {
        ViewArgs {
            theme,
            lang: LangArg::Nl,
        }
    }

    #[test]
    fn the_file_sets_the_options_and_the_command_line_wins() {
        let c = Config::from_toml(
            "banner = \"DEPARTEMENTAAL VERTROUWELIJK\"\nidle_lock_minutes = 3\ntheme = \"ascii\"\n[keys]\nprivacy = \"ctrl-o\"\n",
        )
        .unwrap();
        let o = tui_options(&c, &view(None)).unwrap();
        assert_eq!(o.theme, Some(ThemeName::Ascii));
        assert_eq!(o.banner.as_deref(), Some("DEPARTEMENTAAL VERTROUWELIJK"));
        assert_eq!(o.idle_lock, Duration::from_secs(180));
        assert_eq!(
            o.keys.key_of(
                crate::tui::keys::Ctx::Always,
                &crate::tui::keys::Action::Privacy
            ),
            Some("Ctrl-O".into())
        );
        let o = tui_options(&c, &view(Some(ThemeArg::Mono))).unwrap();
        assert_eq!(o.theme, Some(ThemeName::Mono));
        let d = tui_options(&Config::default(), &view(None)).unwrap();
        assert_eq!(d.idle_lock, Duration::from_secs(600));
        assert_eq!(d.theme, None);
    }

    #[test]
    fn unknown_themes_and_keys_point_into_the_file() {
        let c = Config::from_toml("banner = \"X\"\ntheme = \"dark\"\n").unwrap();
        let e = tui_options(&c, &view(None)).unwrap_err();
        assert_eq!((e.line, e.column), (2, 9), "{e}");
        assert!(
            e.to_string().contains("\"color\", \"mono\" or \"ascii\""),
            "{e}"
        );
        // --theme wins, so the file's bad theme does not matter then.
        assert!(tui_options(&c, &view(Some(ThemeArg::Color))).is_ok());

        let c = Config::from_toml("[keys]\nprivacey = \"ctrl-o\"\n").unwrap();
        let e = tui_options(&c, &view(None)).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.to_string().contains("did you mean `privacy`?"), "{e}");
        let c = Config::from_toml("[keys]\nfinder = \"f\"\nprivacy = \"ctrl-d\"\n").unwrap();
        let e = tui_options(&c, &view(None)).unwrap_err();
        assert_eq!((e.line, e.column), (3, 11), "{e}");
        assert!(e.message.contains("`half_down`"), "{e}");
        // A key unfit for the action: the place, why, and what to do.
        let c = Config::from_toml("[keys]\nback = \"b\"\nquit_now = \"esc\"\n").unwrap();
        let e = tui_options(&c, &view(None)).unwrap_err();
        assert_eq!((e.line, e.column), (3, 12), "{e}");
        assert!(e.to_string().contains("Esc goes back"), "{e}");
    }
}
