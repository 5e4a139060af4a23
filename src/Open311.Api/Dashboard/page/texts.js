// The page's own words, Greek (the default) and English. What the API names (departments, categories,
// states) comes from the API in the chosen language: every call sends locale.
const words = {
  el: {
    title: 'Εποπτεία αιτημάτων',
    skip: 'Μετάβαση στο περιεχόμενο',
    otherLanguage: 'English',
    signInTitle: 'Σύνδεση προσωπικού',
    username: 'Όνομα χρήστη',
    password: 'Κωδικός',
    signIn: 'Σύνδεση',
    signOut: 'Αποσύνδεση',
    wrongLogin: 'Λάθος όνομα χρήστη ή κωδικός.',
    loginFailed: 'Η σύνδεση δεν έγινε ({0}).',
    figuresTitle: 'Πού βρισκόμαστε',
    open: 'Ανοιχτά',
    overdue: 'Εκπρόθεσμα',
    receivedToday: 'Νέα σήμερα',
    medianToClose: 'Διάμεσος χρόνος κλεισίματος (μήνας)',
    hours: '{0} ώρες',
    asOf: 'Ενημέρωση: {0}',
    freshTitle: 'Νέα αιτήματα (ζωντανά)',
    freshEmpty: 'Τα αιτήματα που καταγράφονται τώρα εμφανίζονται εδώ.',
    overdueTitle: 'Εκπρόθεσμα αιτήματα',
    overdueEmpty: 'Κανένα εκπρόθεσμο αίτημα.',
    due: 'προθεσμία {0}',
    backlogTitle: 'Εκκρεμότητες ανά τμήμα',
    department: 'Τμήμα',
    backlog: 'Ανοιχτά',
    received30: 'Νέα (30 ημ.)',
    resolved30: 'Επιλυμένα (30 ημ.)',
    trendTitle: 'Τάση 30 ημερών',
    trendSummary: 'Τελευταίες 30 ημέρες: {0} νέα, {1} επιλυμένα αιτήματα.',
    received: 'Νέα',
    resolved: 'Επιλυμένα',
    mapTitle: 'Ανοιχτά αιτήματα στον χάρτη',
    category: 'Κατηγορία',
    state: 'Κατάσταση',
    all: 'Όλες',
    shown: '{0} στον χάρτη',
    area: 'Περιοχή: {0}',
    history: 'Ιστορικό',
    back: 'Πίσω στην εποπτεία',
    request: 'Αίτημα {0}',
    protocol: 'Αριθμός πρωτοκόλλου',
    address: 'Διεύθυνση',
    description: 'Περιγραφή',
    requestedAt: 'Καταχωρίστηκε',
    expectedAt: 'Αναμενόμενη επίλυση',
    channel: 'Κανάλι',
    notFound: 'Το αίτημα δεν βρέθηκε.',
    live: 'Ζωντανή ενημέρωση',
    reconnecting: 'Επανασύνδεση…',
    loadFailed: 'Κάτι δεν φορτώθηκε: {0}',
    kinds: {
      submitted: 'Καταχώριση', statuschanged: 'Αλλαγή κατάστασης', note: 'Σημείωση', assigned: 'Ανάθεση', rerouted: 'Αλλαγή τμήματος',
      expectedchanged: 'Αλλαγή προθεσμίας', markedduplicate: 'Διπλότυπο', citizenupdate: 'Ενημέρωση πολίτη',
      messagesstopped: 'Διακοπή μηνυμάτων', categorychanged: 'Αλλαγή κατηγορίας', prioritychanged: 'Αλλαγή προτεραιότητας',
    },
  },
  en: {
    title: 'Request supervision',
    skip: 'Skip to content',
    otherLanguage: 'Ελληνικά',
    signInTitle: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    wrongLogin: 'Wrong username or password.',
    loginFailed: 'Signing in failed ({0}).',
    figuresTitle: 'Where we stand',
    open: 'Open',
    overdue: 'Overdue',
    receivedToday: 'Received today',
    medianToClose: 'Median time to close (this month)',
    hours: '{0} hours',
    asOf: 'As of {0}',
    freshTitle: 'New requests (live)',
    freshEmpty: 'Requests recorded from now on appear here.',
    overdueTitle: 'Overdue requests',
    overdueEmpty: 'No request is overdue.',
    due: 'due {0}',
    backlogTitle: 'Backlog per department',
    department: 'Department',
    backlog: 'Open',
    received30: 'Received (30 days)',
    resolved30: 'Resolved (30 days)',
    trendTitle: '30-day trend',
    trendSummary: 'Last 30 days: {0} received, {1} resolved requests.',
    received: 'Received',
    resolved: 'Resolved',
    mapTitle: 'Open requests on the map',
    category: 'Category',
    state: 'State',
    all: 'All',
    shown: '{0} on the map',
    area: 'Area: {0}',
    history: 'History',
    back: 'Back to the overview',
    request: 'Request {0}',
    protocol: 'Protocol number',
    address: 'Address',
    description: 'Description',
    requestedAt: 'Recorded',
    expectedAt: 'Expected resolution',
    channel: 'Channel',
    notFound: 'No such request.',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    loadFailed: 'Something did not load: {0}',
    kinds: {
      submitted: 'Recorded', statuschanged: 'State changed', note: 'Note', assigned: 'Assigned', rerouted: 'Rerouted',
      expectedchanged: 'Expected time changed', markedduplicate: 'Duplicate', citizenupdate: 'Citizen update',
      messagesstopped: 'Messages stopped', categorychanged: 'Category changed', prioritychanged: 'Priority changed',
    },
  },
};

const storageKey = 'open311.dashboard.language';
let language = words[localStorage.getItem(storageKey)] ? localStorage.getItem(storageKey) : 'el';

export const currentLanguage = () => language;

export function setLanguage(code) {
  language = code;
  localStorage.setItem(storageKey, code);
}

/** The text for key, with {0}, {1}… replaced by the arguments. */
export function t(key, ...values) {
  return words[language][key].replace(/\{(\d)\}/g, (_, index) => String(values[index]));
}

/** A history event's kind in words; a kind added later shows as the API spells it until it is added here. */
export const eventKind = kind => words[language].kinds[kind] ?? kind;

/** Fills every element marked data-t (its text) or data-t-label (its aria-label). */
export function translate(root) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-t]').forEach(element => { element.textContent = t(element.dataset.t); });
  root.querySelectorAll('[data-t-label]').forEach(element => element.setAttribute('aria-label', t(element.dataset.tLabel)));
}

const locale = () => (language === 'el' ? 'el-GR' : 'en-GB');

export const formatNumber = (value, digits = 0) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);

export const formatTime = iso =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The calendar day an ISO time names in its own offset (a period start in the jurisdiction's zone), whatever the browser's zone. */
export const formatDay = iso =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
