// Real-world-shaped job titles with the seniority and function a reader would give them, written for this
// project (not taken from any dataset): abbreviations, mixed case, noise, non-English, empty.
// One per line: title | seniority (two joined by +) | function.
export const TITLE_TABLE = `
VP Sales | vp | sales
VP of Sales | vp | sales
Vice President, Sales | vp | sales
vice president of sales & business development | vp | sales
SVP Global Sales | vp | sales
EVP, Sales and Marketing | vp | sales
Regional VP Sales - EMEA | vp | sales
Director of Sales | director | sales
Sales Director | director | sales
Dir. Sales | director | sales
Regional Sales Director, DACH | director | sales
Senior Director, Enterprise Sales | director | sales
Head of Sales | head | sales
Head of Sales @ Acme | head | sales
Sales Manager | manager | sales
sales manager | manager | sales
SALES MANAGER | manager | sales
Inside Sales Manager | manager | sales
Regional Sales Manager | manager | sales
Area Sales Mgr | manager | sales
Account Executive | individual | sales
Senior Account Executive | senior | sales
Sr. Account Executive | senior | sales
Enterprise Account Executive | individual | sales
AE | individual | sales
Account Manager | individual | sales
Key Account Manager | individual | sales
KAM | individual | sales
Business Development Representative | individual | sales
BDR | individual | sales
SDR | individual | sales
Sales Development Representative | individual | sales
SDR Manager | manager | sales
Business Development Manager | manager | sales
Director of Business Development | director | sales
Head of Partnerships | head | sales
Channel Sales Manager | manager | sales
Sales Engineer | individual | sales
Chief Revenue Officer | c-level | sales
CRO | c-level | sales
Chief Sales Officer | c-level | sales
Sales Representative | individual | sales
Junior Sales Associate | entry | sales
Sales Intern | intern | sales
Sales Operations Manager | manager | operations
Revenue Operations Manager | manager | operations
RevOps Manager | manager | operations
Head of Revenue Operations | head | operations
Director, Revenue Operations | director | operations
VP Revenue Operations | vp | operations
Revenue Operations Analyst | individual | operations
Sales Ops Analyst | individual | operations
Sr. RevOps Specialist | senior | operations
Business Operations Manager | manager | operations
COO | c-level | operations
Chief Operating Officer | c-level | operations
VP Operations | vp | operations
Director of Operations | director | operations
Operations Manager | manager | operations
Ops Lead | senior | operations
Head of Ops | head | operations
Supply Chain Manager | manager | operations
Logistics Coordinator | entry | operations
Office Manager | manager | operations
CMO | c-level | marketing
Chief Marketing Officer | c-level | marketing
VP Marketing | vp | marketing
VP of Marketing | vp | marketing
Vice President of Marketing | vp | marketing
Head of Marketing | head | marketing
Head of Growth | head | marketing
Marketing Director | director | marketing
Director of Marketing | director | marketing
Director, Demand Generation | director | marketing
Marketing Manager | manager | marketing
Marketing Manager (she/her) | manager | marketing
Digital Marketing Manager | manager | marketing
Product Marketing Manager | manager | marketing
Content Marketing Manager | manager | marketing
Brand Manager | manager | marketing
Marketing Mgr | manager | marketing
Senior Marketing Manager | manager | marketing
Marketing Specialist | individual | marketing
Marketing Coordinator | entry | marketing
Marketing Assistant | entry | marketing
Marketing Intern | intern | marketing
Growth Marketer | individual | marketing
SEO Specialist | individual | marketing
Content Writer | individual | marketing
Communications Manager | manager | marketing
PR Manager | manager | marketing
Events Manager | manager | marketing
Demand Generation Lead | senior | marketing
Marketing Operations Manager | manager | marketing
Mktg Director | director | marketing
Social Media Manager | manager | marketing
CTO | c-level | engineering
Chief Technology Officer | c-level | engineering
VP Engineering | vp | engineering
VP of Engineering | vp | engineering
Head of Engineering | head | engineering
Engineering Manager | manager | engineering
Director of Engineering | director | engineering
Software Engineer | individual | engineering
Senior Software Engineer | senior | engineering
Sr. Software Engineer | senior | engineering
Staff Software Engineer | senior | engineering
Principal Engineer | senior | engineering
Software Developer | individual | engineering
Junior Developer | entry | engineering
Frontend Developer | individual | engineering
Full Stack Developer | individual | engineering
Backend Engineer | individual | engineering
DevOps Engineer | individual | engineering
Site Reliability Engineer | individual | engineering
SRE | individual | engineering
QA Engineer | individual | engineering
QA Manager | manager | engineering
Software Architect | individual | engineering
Solutions Architect | individual | engineering
Tech Lead | senior | engineering
Lead Developer | senior | engineering
Engineering Intern | intern | engineering
Software Engineering Intern | intern | engineering
Developer | individual | engineering
Programmer | individual | engineering
CIO | c-level | information technology
Chief Information Officer | c-level | information technology
IT Director | director | information technology
Director of IT | director | information technology
IT Manager | manager | information technology
Head of IT | head | information technology
IT Administrator | individual | information technology
Systems Administrator | individual | information technology
Sysadmin | individual | information technology
Network Engineer | individual | information technology
IT Support Specialist | individual | information technology
Helpdesk Technician | individual | information technology
CISO | c-level | information technology
Chief Information Security Officer | c-level | information technology
Security Engineer | individual | information technology
Head of Infrastructure | head | information technology
Infrastructure Manager | manager | information technology
CFO | c-level | finance
Chief Financial Officer | c-level | finance
VP Finance | vp | finance
VP of Finance | vp | finance
Finance Director | director | finance
Director of Finance | director | finance
Dir. of Finance | director | finance
Head of Finance | head | finance
Finance Manager | manager | finance
Financial Controller | individual | finance
Controller | individual | finance
Accountant | individual | finance
Senior Accountant | senior | finance
Accounting Manager | manager | finance
Staff Accountant | senior | finance
Financial Analyst | individual | finance
FP&A Manager | manager | finance
Treasurer | individual | finance
Bookkeeper | individual | finance
Payroll Specialist | individual | finance
Accounts Payable Clerk | individual | finance
CHRO | c-level | human resources
Chief People Officer | c-level | human resources
VP People | vp | human resources
VP of Human Resources | vp | human resources
HR Director | director | human resources
Head of People | head | human resources
Head of Talent | head | human resources
HR Manager | manager | human resources
HR Business Partner | partner | human resources
HRBP | partner | human resources
Recruiter | individual | human resources
Senior Recruiter | senior | human resources
Technical Recruiter | individual | human resources
Talent Acquisition Manager | manager | human resources
HR Coordinator | entry | human resources
HR Assistant | entry | human resources
People Operations Manager | manager | human resources
Recruiting Intern | intern | human resources
VP Customer Success | vp | customer success
Head of Customer Success | head | customer success
Director of Customer Success | director | customer success
Customer Success Manager | manager | customer success
CSM | manager | customer success
Senior Customer Success Manager | manager | customer success
Customer Support Specialist | individual | customer success
Support Engineer | individual | customer success
Customer Service Representative | individual | customer success
Head of Support | head | customer success
Support Manager | manager | customer success
Customer Experience Manager | manager | customer success
Onboarding Specialist | individual | customer success
Implementation Manager | manager | customer success
Client Services Director | director | customer success
CPO | c-level | product
Chief Product Officer | c-level | product
VP Product | vp | product
VP of Product | vp | product
Head of Product | head | product
Director of Product Management | director | product
Product Manager | manager | product
Senior Product Manager | manager | product
Product Owner | individual | product
Associate Product Manager | manager | product
Group Product Manager | manager | product
UX Designer | individual | product
Product Designer | individual | product
UI/UX Designer | individual | product
Head of Design | head | product
Design Lead | senior | product
General Counsel | head | legal
Legal Counsel | individual | legal
Senior Legal Counsel | senior | legal
Head of Legal | head | legal
Corporate Attorney | individual | legal
Lawyer | individual | legal
Paralegal | individual | legal
Compliance Officer | individual | legal
Compliance Manager | manager | legal
Chief Legal Officer | c-level | legal
Procurement Manager | manager | procurement
Head of Procurement | head | procurement
Purchasing Manager | manager | procurement
Buyer | individual | procurement
Senior Buyer | senior | procurement
Sourcing Specialist | individual | procurement
Procurement Specialist | individual | procurement
Director of Procurement | director | procurement
Chief Procurement Officer | c-level | procurement
Data Scientist | individual | data
Senior Data Scientist | senior | data
Data Analyst | individual | data
Data Engineer | individual | data
Head of Data | head | data
Director of Analytics | director | data
Analytics Manager | manager | data
BI Developer | individual | data
Business Intelligence Analyst | individual | data
Machine Learning Engineer | individual | data
Chief Data Officer | c-level | data
Head of Data at Acme | head | data
CEO | c-level | executive
Chief Executive Officer | c-level | executive
CEO & Founder | owner+c-level | executive
Co-founder & CEO | owner+c-level | executive
Co-Founder and CEO | owner+c-level | executive
Founder | owner | executive
Co-Founder | owner | executive
Cofounder | owner | executive
Founder & CTO | owner+c-level | engineering
Co-founder, CTO | owner+c-level | engineering
Owner | owner | executive
Business Owner | owner | executive
President | c-level | executive
President & CEO | c-level | executive
Managing Director | c-level | executive
MD | c-level | executive
General Manager | head | executive
GM | head | executive
Managing Partner | partner | executive
Partner | partner | other
Chief of Staff | individual | executive
Executive Assistant | entry | executive
Executive Director | c-level | executive
Geschäftsführer | c-level | executive
Geschaeftsfuehrer | c-level | executive
Geschäftsführerin | c-level | executive
Inhaber | owner | executive
Gründer & Geschäftsführer | owner+c-level | executive
Vertriebsleiter | head | sales
Leiter Vertrieb | head | sales
Vertriebsmitarbeiter | individual | sales
Leiterin Marketing | head | marketing
Marketingleiter | head | marketing
Softwareentwickler | individual | engineering
Entwickler | individual | engineering
Leiter IT | head | information technology
Leiter Einkauf | head | procurement
Einkäufer | individual | procurement
Personalleiter | head | human resources
Werkstudent Marketing | intern | marketing
Praktikant Vertrieb | intern | sales
Buchhalter | individual | finance
Leiter Finanzen | head | finance
Directeur Commercial | director | sales
Directrice Marketing | director | marketing
Directeur Général | c-level | executive
PDG | c-level | executive
Responsable Marketing | manager | marketing
Responsable des Achats | manager | procurement
Responsable Informatique | manager | information technology
Chef de projet | manager | other
Stagiaire Marketing | intern | marketing
Fondateur | owner | executive
Comptable | individual | finance
Développeur | individual | engineering
Ingénieur logiciel | individual | engineering
Gerente de Ventas | manager | sales
Gerente General | c-level | executive
Gerente Comercial | manager | sales
Director de Marketing | director | marketing
Directora de Ventas | director | sales
Jefe de Compras | head | procurement
Jefe de Sistemas | head | information technology
Responsable de Recursos Humanos | manager | human resources
Fundador y CEO | owner+c-level | executive
Ingeniero de Software | individual | engineering
Becario de Marketing | intern | marketing
Desarrollador | individual | engineering
Gerente de Operaciones | manager | operations
Diretor Comercial | director | sales
Gerente de Vendas | manager | sales
Estagiário | intern | other
Direttore Commerciale | director | sales
Head of Sales | EMEA | head | sales
VP Sales | Acme Inc | vp | sales
Marketing Manager - Acme Corp | manager | marketing
VP Sales (he/him) | vp | sales
Senior Software Engineer @ Acme | senior | engineering
🚀 Head of Growth | head | marketing
vp, sales | vp | sales
DIRECTOR OF MARKETING | director | marketing
  head of marketing   | head | marketing
Sales & Marketing Director | director | sales
Marketing & Sales Manager | manager | marketing
CEO/Founder | owner+c-level | executive
Founder/CEO | owner+c-level | executive
Director - IT | director | information technology
Mgr, Customer Success | manager | customer success
Sr Mgr Marketing | manager | marketing
Assoc. Director, Sales | director | sales
Assistant Vice President, Finance | vp | finance
AVP Sales | vp | sales
Team Lead Customer Support | manager | customer success
Team Leader, Inside Sales | manager | sales
Supervisor, Customer Service | manager | customer success
Analyst | individual | other
Consultant | unknown | other
Senior Consultant | senior | other
Associate | entry | other
Specialist | unknown | other
Coordinator | entry | other
Assistant | entry | other
Intern | intern | other
Trainee | intern | other
Apprentice | intern | other
 | unknown | other
- | unknown | other
n/a | unknown | other
Student | unknown | other
Retired | unknown | other
Self-employed | unknown | other
Board Member | unknown | other
Advisor | unknown | other
Investor | unknown | other
Teacher | unknown | other
Nurse | unknown | other
`;
