// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real binary, as a user would, with HOME in a temporary folder so that the default timeline is fresh.
#pragma once

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

class CliRunner {
public:
    // A new, empty home: call it from each test's init().
    bool reset()
    {
        m_home = std::make_unique<QTemporaryDir>();
        return m_home->isValid();
    }
    QString home() const { return m_home->path(); }

    Run run(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home->path());
        environment.remove(QStringLiteral("XDG_DATA_HOME"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM")); // export-image must find the offscreen platform itself
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_home->path());
        process.start(QStringLiteral(ANNALS_BINARY), arguments);
        if (!process.waitForFinished(60'000)) {
            process.kill();
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

private:
    std::unique_ptr<QTemporaryDir> m_home;
};
