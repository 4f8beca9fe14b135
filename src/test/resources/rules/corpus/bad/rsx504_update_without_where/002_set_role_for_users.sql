UPDATE users SET note = 'member';
